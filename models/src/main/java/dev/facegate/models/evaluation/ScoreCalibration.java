package dev.facegate.models.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a cosine threshold means on a set of genuine and impostor scores: FMR and FNMR at a
 * threshold, the thresholds of target FMRs, the ROC/DET curve, score histograms, and the open-set
 * risk for a gallery of N people. The same code serves {@code face-cli calibrate} and the server's
 * threshold tuning, so both report the same figures for the same templates.
 *
 * <p>Conventions (those of {@link Roc}): a pair matches when {@code score >= threshold}; FMR is the
 * fraction of impostor pairs that match, FNMR the fraction of genuine pairs that do not.
 *
 * <p><b>Resolution rule.</b> With {@code m} impostor pairs the smallest FMR that can be told apart
 * from zero is {@code 1 / m}; an operating point for a target below it is reported as not supported
 * ("not enough data"), never extrapolated.
 */
public final class ScoreCalibration {

  /** The FMR targets of the operating-point table, 1e-2 down to 1e-6. */
  public static final List<Double> STANDARD_TARGETS = List.of(1e-2, 1e-3, 1e-4, 1e-5, 1e-6);

  // Tolerance of the "target * m >= 1" test, so 1e-3 * 1000 counts as one pair whatever the
  // rounding of the product (Roc.atFar floors with the same tolerance).
  private static final double COUNT_TOLERANCE = 1e-9;

  /**
   * An operating point.
   *
   * @param targetFmr the FMR asked for
   * @param supported whether the data can resolve the target ({@code target >= 1 / impostor
   *     pairs}); when not, the other fields are NaN / 0
   * @param threshold the lowest threshold whose FMR does not exceed the target
   * @param fmr the FMR reached at that threshold ({@code <= target})
   * @param fnmr the FNMR at that threshold
   * @param impostorsAccepted impostor pairs at or above the threshold
   */
  public record OperatingPoint(
      double targetFmr,
      boolean supported,
      double threshold,
      double fmr,
      double fnmr,
      long impostorsAccepted) {}

  /**
   * A point of the ROC / DET curve.
   *
   * @param threshold the threshold
   * @param fmr false match rate, {@code > 0} (drawable on a log axis)
   * @param fnmr false non-match rate
   */
  public record CurvePoint(double threshold, double fmr, double fnmr) {}

  /**
   * Score histograms on common bins: bin {@code i} covers {@code [lo + i * width, lo + (i + 1) *
   * width)}, the last bin also its upper edge.
   *
   * @param lo lower edge of the first bin
   * @param width width of a bin
   * @param genuine genuine pairs per bin
   * @param impostor impostor pairs per bin
   */
  public record Histogram(double lo, double width, long[] genuine, long[] impostor) {

    /**
     * Validates the histogram.
     *
     * @param lo lower edge
     * @param width bin width
     * @param genuine counts
     * @param impostor counts
     */
    public Histogram {
      if (genuine.length != impostor.length || !(width > 0)) {
        throw new IllegalArgumentException("histograms need the same bins and a positive width");
      }
      genuine = genuine.clone();
      impostor = impostor.clone();
    }

    /**
     * Number of bins.
     *
     * @return the count
     */
    public int bins() {
      return genuine.length;
    }

    /**
     * Centre of a bin.
     *
     * @param bin the bin index
     * @return its centre
     */
    public double centre(int bin) {
      return lo + (bin + 0.5) * width;
    }

    @Override
    public long[] genuine() {
      return genuine.clone();
    }

    @Override
    public long[] impostor() {
      return impostor.clone();
    }
  }

  private final double[] genuine;
  private final double[] impostor;
  private final Roc roc;

  /**
   * Builds the calibration.
   *
   * @param genuine same-person scores, at least one
   * @param impostor different-person scores, at least one
   */
  public ScoreCalibration(double[] genuine, double[] impostor) {
    Objects.requireNonNull(genuine, "genuine scores are required");
    Objects.requireNonNull(impostor, "impostor scores are required");
    this.roc = new Roc(genuine, impostor);
    this.genuine = genuine.clone();
    this.impostor = impostor.clone();
    Arrays.sort(this.genuine);
    Arrays.sort(this.impostor);
  }

  /**
   * Builds the calibration of a gallery.
   *
   * @param scores the gallery's scores (at least one genuine and one impostor pair)
   * @return the calibration
   */
  public static ScoreCalibration of(GalleryScores scores) {
    return new ScoreCalibration(scores.genuine(), scores.impostor());
  }

  /**
   * False match rate: impostor pairs with {@code score >= threshold}, as a fraction.
   *
   * @param threshold the threshold
   * @return the FMR in {@code [0, 1]}
   */
  public double fmr(double threshold) {
    return roc.far(threshold);
  }

  /**
   * False non-match rate: genuine pairs with {@code score < threshold}, as a fraction.
   *
   * @param threshold the threshold
   * @return the FNMR in {@code [0, 1]}
   */
  public double fnmr(double threshold) {
    return 1 - roc.tar(threshold);
  }

  /**
   * The smallest FMR the impostor pairs can resolve, {@code 1 / m}.
   *
   * @return the FMR of one impostor pair
   */
  public double smallestResolvableFmr() {
    return 1.0 / impostor.length;
  }

  /**
   * Whether a target FMR can be resolved: at least one impostor pair may be accepted at it.
   *
   * @param targetFmr the target
   * @return {@code targetFmr * m >= 1}
   */
  public boolean supports(double targetFmr) {
    return targetFmr * impostor.length >= 1 - COUNT_TOLERANCE;
  }

  /**
   * The operating point of a target FMR (see {@link Roc#atFar}); not supported below {@code 1/m}.
   *
   * @param targetFmr the target, in {@code (0, 1]}
   * @return the operating point
   */
  public OperatingPoint operatingPoint(double targetFmr) {
    if (!(targetFmr > 0 && targetFmr <= 1)) {
      throw new IllegalArgumentException("a target FMR must lie in (0, 1], got " + targetFmr);
    }
    if (!supports(targetFmr)) {
      return new OperatingPoint(targetFmr, false, Double.NaN, Double.NaN, Double.NaN, 0);
    }
    Roc.OperatingPoint p = roc.atFar(targetFmr);
    return new OperatingPoint(
        targetFmr,
        true,
        p.threshold(),
        p.far(),
        1 - p.tar(),
        Math.round(p.far() * impostor.length));
  }

  /**
   * The operating points of several targets.
   *
   * @param targets FMR targets
   * @return one point per target, in the same order
   */
  public List<OperatingPoint> operatingPoints(List<Double> targets) {
    return targets.stream().map(this::operatingPoint).toList();
  }

  /**
   * The ROC / DET curve at about {@code points} FMR levels spaced evenly on a log scale from {@code
   * 1/m} to 1, without duplicate thresholds; FMR 0 is left out (it cannot be drawn on a log axis).
   *
   * @param points number of levels, at least 2
   * @return the points, FMR ascending
   */
  public List<CurvePoint> curve(int points) {
    if (points < 2) {
      throw new IllegalArgumentException("a curve needs at least 2 points");
    }
    double lo = Math.log10(smallestResolvableFmr());
    List<CurvePoint> curve = new ArrayList<>();
    double lastThreshold = Double.NaN;
    for (int i = 0; i < points; i++) {
      double target = Math.min(1, Math.pow(10, lo - lo * i / (points - 1)));
      Roc.OperatingPoint p = roc.atFar(target);
      if (p.far() > 0 && p.threshold() != lastThreshold) {
        curve.add(new CurvePoint(p.threshold(), p.far(), 1 - p.tar()));
        lastThreshold = p.threshold();
      }
    }
    return curve;
  }

  /**
   * Histograms of both score sets on {@code bins} equal bins from the lowest to the highest score.
   *
   * @param bins number of bins, at least 1
   * @return the histograms
   */
  public Histogram histogram(int bins) {
    if (bins < 1) {
      throw new IllegalArgumentException("a histogram needs at least one bin");
    }
    double lo = minScore();
    double hi = maxScore();
    double width = hi > lo ? (hi - lo) / bins : 1e-6;
    return new Histogram(
        lo, width, count(genuine, lo, width, bins), count(impostor, lo, width, bins));
  }

  private static long[] count(double[] scores, double lo, double width, int bins) {
    long[] counts = new long[bins];
    for (double s : scores) {
      int bin = (int) Math.floor((s - lo) / width);
      counts[Math.max(0, Math.min(bins - 1, bin))]++;
    }
    return counts;
  }

  /**
   * The lowest score of either set.
   *
   * @return the minimum
   */
  public double minScore() {
    return Math.min(genuine[0], impostor[0]);
  }

  /**
   * The highest score of either set.
   *
   * @return the maximum
   */
  public double maxScore() {
    return Math.max(genuine[genuine.length - 1], impostor[impostor.length - 1]);
  }

  /**
   * Summary of the genuine scores.
   *
   * @return the summary
   */
  public ScoreSummary genuineSummary() {
    return ScoreSummary.of(genuine);
  }

  /**
   * Summary of the impostor scores.
   *
   * @return the summary
   */
  public ScoreSummary impostorSummary() {
    return ScoreSummary.of(impostor);
  }

  /**
   * Open-set risk: the probability that a stranger (someone not enrolled) reaches the threshold
   * against at least one of {@code galleryPeople} people, {@code 1 - (1 - fmr)^N}, assuming
   * independent comparisons. It is an upper bound of what a door does: the margin to the runner-up
   * rejects some of these matches too.
   *
   * @param fmr the false match rate per comparison
   * @param galleryPeople N, the enrolled people
   * @return the probability in {@code [0, 1]}
   */
  public static double strangerMatchProbability(double fmr, long galleryPeople) {
    if (!(fmr >= 0 && fmr <= 1) || galleryPeople < 0) {
      throw new IllegalArgumentException("need 0 <= fmr <= 1 and N >= 0");
    }
    if (fmr == 1) {
      return galleryPeople == 0 ? 0 : 1;
    }
    // 1 - (1 - f)^N without cancellation for small f.
    return -Math.expm1(galleryPeople * Math.log1p(-fmr));
  }

  /**
   * Expected number of strangers out of 1,000 that would be matched to someone (see {@link
   * #strangerMatchProbability}).
   *
   * @param fmr the false match rate per comparison
   * @param galleryPeople N, the enrolled people
   * @return the expected false opens per 1,000 strangers
   */
  public static double falseOpensPer1000Strangers(double fmr, long galleryPeople) {
    return 1000 * strangerMatchProbability(fmr, galleryPeople);
  }
}
