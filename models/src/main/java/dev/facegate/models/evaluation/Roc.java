package dev.facegate.models.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Receiver operating characteristic of a scorer where a higher score means "same person". A pair is
 * accepted when its score is at or above the threshold.
 */
public final class Roc {

  /**
   * A point of the curve.
   *
   * @param threshold accept when {@code score >= threshold}
   * @param far false accept rate (impostor pairs accepted)
   * @param tar true accept rate (genuine pairs accepted)
   */
  public record Point(double threshold, double far, double tar) {}

  /**
   * The operating point at a false-accept-rate target.
   *
   * @param targetFar the FAR asked for
   * @param threshold the lowest threshold whose FAR does not exceed the target
   * @param far the FAR actually reached (&lt;= target)
   * @param tar the TAR at that threshold
   */
  public record OperatingPoint(double targetFar, double threshold, double far, double tar) {}

  private final double[] genuine;
  private final double[] impostor;

  /**
   * Builds the ROC from genuine and impostor scores.
   *
   * @param genuine scores of same-person pairs
   * @param impostor scores of different-person pairs
   */
  public Roc(double[] genuine, double[] impostor) {
    if (genuine.length == 0 || impostor.length == 0) {
      throw new IllegalArgumentException(
          "a ROC needs genuine and impostor scores, got "
              + genuine.length
              + " and "
              + impostor.length);
    }
    this.genuine = genuine.clone();
    this.impostor = impostor.clone();
    Arrays.sort(this.genuine);
    Arrays.sort(this.impostor);
  }

  /**
   * Area under the curve: the probability that a random genuine pair scores above a random impostor
   * pair, ties counting one half (Mann-Whitney U).
   *
   * @return the AUC in {@code [0, 1]}
   */
  public double auc() {
    double wins = 0;
    int lo = 0;
    int hi = 0;
    for (double g : genuine) {
      while (lo < impostor.length && impostor[lo] < g) {
        lo++;
      }
      hi = Math.max(hi, lo);
      while (hi < impostor.length && impostor[hi] <= g) {
        hi++;
      }
      wins += lo + 0.5 * (hi - lo);
    }
    return wins / ((double) genuine.length * impostor.length);
  }

  /**
   * The operating point with the highest TAR whose FAR does not exceed {@code targetFar}. With
   * {@code m} impostor pairs at most {@code floor(targetFar * m)} may be accepted, so small
   * impostor sets give coarse estimates (at {@code m < 1 / targetFar} not a single one).
   *
   * @param targetFar the FAR target, e.g. 1e-3
   * @return the operating point
   */
  public OperatingPoint atFar(double targetFar) {
    int m = impostor.length;
    int allowed = (int) Math.floor(targetFar * m + 1e-9);
    double threshold;
    if (allowed >= m) {
      threshold = Math.min(impostor[0], genuine[0]);
    } else {
      // Accept strictly above the (allowed+1)-th highest impostor score; ties there are rejected.
      threshold = Math.nextUp(impostor[m - 1 - allowed]);
    }
    return new OperatingPoint(targetFar, threshold, far(threshold), tar(threshold));
  }

  /**
   * Fraction of impostor pairs accepted at a threshold.
   *
   * @param threshold the threshold
   * @return the FAR
   */
  public double far(double threshold) {
    return countAtOrAbove(impostor, threshold) / (double) impostor.length;
  }

  /**
   * Fraction of genuine pairs accepted at a threshold.
   *
   * @param threshold the threshold
   * @return the TAR
   */
  public double tar(double threshold) {
    return countAtOrAbove(genuine, threshold) / (double) genuine.length;
  }

  /**
   * The curve at every distinct score, from the highest threshold (nothing accepted) down.
   *
   * @return the points, FAR and TAR non-decreasing
   */
  public List<Point> points() {
    double[] all = new double[genuine.length + impostor.length];
    System.arraycopy(genuine, 0, all, 0, genuine.length);
    System.arraycopy(impostor, 0, all, genuine.length, impostor.length);
    Arrays.sort(all);
    List<Point> points = new ArrayList<>();
    points.add(new Point(Double.POSITIVE_INFINITY, 0, 0));
    for (int i = all.length - 1; i >= 0; i--) {
      if (i < all.length - 1 && all[i] == all[i + 1]) {
        continue;
      }
      points.add(new Point(all[i], far(all[i]), tar(all[i])));
    }
    return points;
  }

  private static int countAtOrAbove(double[] sorted, double threshold) {
    int idx = Arrays.binarySearch(sorted, threshold);
    if (idx < 0) {
      return sorted.length - (-idx - 1);
    }
    while (idx > 0 && sorted[idx - 1] == threshold) {
      idx--;
    }
    return sorted.length - idx;
  }
}
