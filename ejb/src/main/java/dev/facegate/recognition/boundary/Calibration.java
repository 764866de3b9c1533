package dev.facegate.recognition.boundary;

import dev.facegate.attendance.boundary.CheckIns;
import dev.facegate.attendance.boundary.ScoredDecision;
import dev.facegate.domain.audit.AuditAction;
import dev.facegate.domain.recognition.RecognitionSettings;
import dev.facegate.domain.recognition.Thresholds;
import dev.facegate.faces.boundary.FaceAnalysis;
import dev.facegate.models.evaluation.GalleryScores;
import dev.facegate.models.evaluation.ScoreCalibration;
import dev.facegate.platform.InvalidInputException;
import dev.facegate.platform.Roles;
import dev.facegate.platform.control.AuditLog;
import dev.facegate.recognition.control.DecisionReplay;
import dev.facegate.recognition.control.SettingsRepository;
import dev.facegate.recognition.control.TemplateGallery;
import dev.facegate.recognition.entity.CalibrationScope;
import dev.facegate.recognition.entity.ChangePreview;
import dev.facegate.recognition.entity.CurvePoint;
import dev.facegate.recognition.entity.OperatingPointRow;
import dev.facegate.recognition.entity.ScoreHistogram;
import dev.facegate.recognition.entity.ThresholdChange;
import dev.facegate.recognition.entity.TuningReport;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Threshold tuning on the installation's own data: genuine and impostor scores of the enrolled
 * templates (per model version, optionally per site or department of the employees), the operating
 * points they support, the open-set risk at the gallery's size, a replay of the recent recorded
 * decisions at a proposed threshold, and applying it (installation default or a site's override)
 * with bounds and an audit record of the before/after values and the data basis. HR reads,
 * administrators apply. No template vector leaves this boundary: only scores and counts.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class Calibration {

  private static final int CURVE_POINTS = 60;
  private static final int HISTOGRAM_BINS = 40;

  // Thresholds derived from a target FMR are rounded UP to this step: a readable number whose FMR
  // can only be lower than the target's.
  private static final double THRESHOLD_STEP = 1e-4;

  @Inject TemplateGallery gallery;

  @Inject SettingsRepository settings;

  @Inject FaceAnalysis engine;

  @Inject CheckIns checkIns;

  @Inject AuditLog audit;

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "facegate.tuning.preview-days")
  int previewDays;

  @Inject
  @ConfigProperty(name = "facegate.tuning.max-impostor-pairs")
  long maxImpostorPairs;

  @Inject
  @ConfigProperty(name = "facegate.tuning.sample-seed")
  long sampleSeed;

  @Inject
  @ConfigProperty(name = "facegate.tuning.fmr-limit")
  double fmrLimit;

  // The enrolment gate's setting (enrolment reads the same property): no impostor pair of enrolled
  // templates can score at or above it, which the report must say.
  @Inject
  @ConfigProperty(name = "facegate.enrolment.duplicate-similarity")
  Optional<Double> duplicateSimilarity;

  /** The scores of a scope and, when there are any, their calibration. */
  private record Basis(
      String modelVersion, CalibrationScope scope, GalleryScores scores, ScoreCalibration stats) {

    boolean scorable() {
      return stats != null;
    }

    String describe() {
      return String.format(
          Locale.ROOT,
          "model %s, %d people (%d with 2+ templates), %d templates, %d genuine pairs, %d of %d"
              + " impostor pairs%s%s%s; %s",
          modelVersion,
          scores.people(),
          scores.peopleWithTwoTemplates(),
          scores.templates(),
          scores.genuinePairs(),
          scores.impostorPairsUsed(),
          scores.impostorPairsTotal(),
          scores.sampled() ? " (sampled, seed " + scores.seed() + ")" : "",
          scope.site().map(s -> ", employees of site " + s).orElse(""),
          scope.department().map(d -> ", department " + d).orElse(""),
          scores.reliable() ? "reliable" : "UNRELIABLE (thin data)");
    }
  }

  /**
   * The calibration report of the templates in scope, with the figures at the thresholds in force
   * at {@code appliesTo}.
   *
   * @param scope which templates
   * @param appliesTo a site (its override, or the defaults when it has none), or null for the
   *     installation default
   * @return the report; flagged unreliable when fewer than 20 people have 2+ templates
   */
  @RolesAllowed({Roles.ADMIN, Roles.HR})
  public TuningReport report(CalibrationScope scope, String appliesTo) {
    Basis basis = basis(scope);
    String site = blankToNull(appliesTo);
    Thresholds current = settings.current().thresholdsFor(site);
    GalleryScores g = basis.scores();
    ScoreCalibration c = basis.stats();
    List<ScoredDecision> recent = recentDecisions(basis.modelVersion());
    List<OperatingPointRow> rows = new ArrayList<>();
    List<CurvePoint> curve = new ArrayList<>();
    ScoreHistogram histogram = null;
    if (c != null) {
      for (ScoreCalibration.OperatingPoint p :
          c.operatingPoints(ScoreCalibration.STANDARD_TARGETS)) {
        rows.add(
            p.supported()
                ? new OperatingPointRow(
                    p.targetFmr(),
                    true,
                    p.threshold(),
                    p.fmr(),
                    p.fnmr(),
                    p.impostorsAccepted(),
                    ScoreCalibration.strangerMatchProbability(p.fmr(), g.people()),
                    ScoreCalibration.falseOpensPer1000Strangers(p.fmr(), g.people()))
                : new OperatingPointRow(p.targetFmr(), false, null, null, null, null, null, null));
      }
      c.curve(CURVE_POINTS)
          .forEach(p -> curve.add(new CurvePoint(p.threshold(), p.fmr(), p.fnmr())));
      ScoreCalibration.Histogram h = c.histogram(HISTOGRAM_BINS);
      long[] recentBest = new long[h.bins()];
      for (ScoredDecision d : recent) {
        int bin = (int) Math.floor((d.bestScore() - h.lo()) / h.width());
        recentBest[Math.max(0, Math.min(h.bins() - 1, bin))]++;
      }
      histogram =
          new ScoreHistogram(
              h.lo(), h.width(), boxed(h.genuine()), boxed(h.impostor()), boxed(recentBest));
    }
    Double fmr = c == null ? null : c.fmr(current.threshold());
    return new TuningReport(
        engine.modelId(),
        basis.modelVersion(),
        scope.site().orElse(null),
        scope.department().orElse(null),
        g.people(),
        g.peopleWithTwoTemplates(),
        g.templates(),
        g.genuinePairs(),
        g.impostorPairsTotal(),
        g.impostorPairsUsed(),
        g.sampled(),
        g.seed(),
        g.reliable(),
        g.reliable() ? null : reliabilityNote(g),
        c != null,
        engine.calibratedThreshold(),
        duplicateSimilarity.orElseGet(engine::calibratedThreshold),
        site,
        current.threshold(),
        current.margin(),
        fmr,
        c == null ? null : c.fnmr(current.threshold()),
        fmr == null ? null : ScoreCalibration.strangerMatchProbability(fmr, g.people()),
        fmr == null ? null : ScoreCalibration.falseOpensPer1000Strangers(fmr, g.people()),
        c == null ? null : c.minScore(),
        c == null ? null : c.maxScore(),
        c == null ? null : c.smallestResolvableFmr(),
        rows,
        curve,
        histogram,
        fmrLimit,
        previewDays,
        recent.size());
  }

  /**
   * What a proposed operating point would change, and why applying it would be refused.
   *
   * @param change the proposal
   * @return the preview
   * @throws InvalidInputException when the proposal is malformed (neither or both of target FMR and
   *     threshold, values out of their domain) or a target FMR the data cannot support
   */
  @RolesAllowed({Roles.ADMIN, Roles.HR})
  public ChangePreview preview(ThresholdChange change) {
    Basis basis = basis(change.scope());
    return preview(change, basis, settings.current());
  }

  /**
   * Applies a proposed operating point to the installation default or to a site's override, after
   * the checks of {@link #preview}; audited ({@code THRESHOLD_TUNED}) with the before/after values
   * and the data basis.
   *
   * @param change the proposal
   * @return the preview of what was applied
   * @throws InvalidInputException when the preview lists problems, or the estimated FMR is above
   *     the limit and {@code acceptHighFmr} is not set
   */
  public ChangePreview apply(ThresholdChange change) {
    Basis basis = basis(change.scope());
    RecognitionSettings current = settings.current();
    ChangePreview preview = preview(change, basis, current);
    List<String> problems = new ArrayList<>(preview.problems());
    if (preview.needsAcceptance() && !change.acceptHighFmr()) {
      problems.add(
          preview.estimatedFmr() == null
              ? "There are no template pairs to estimate the FMR of this threshold: tick \"I"
                  + " accept\" to apply it anyway."
              : String.format(
                  Locale.ROOT,
                  "The estimated FMR %.2e is above %.0e: tick \"I accept\" to apply it anyway.",
                  preview.estimatedFmr(),
                  fmrLimit));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    Thresholds proposed = new Thresholds(preview.threshold(), preview.margin());
    if (change.site() == null) {
      current.change(proposed, current.getDuplicateWindowSeconds(), clock.instant(), audit.actor());
    } else {
      current.overrideForSite(change.site(), proposed);
    }
    audit.record(
        AuditAction.THRESHOLD_TUNED,
        subject(change.site()),
        String.format(
            Locale.ROOT,
            "%s: threshold %.4f -> %.4f, margin %.3f -> %.3f (%s; estimated FMR %s, FNMR %s%s)."
                + " Basis: %s.",
            change.site() == null ? "Installation default" : "Site " + change.site(),
            preview.currentThreshold(),
            preview.threshold(),
            preview.currentMargin(),
            preview.margin(),
            preview.targetFmr() == null
                ? "typed"
                : String.format(Locale.ROOT, "target FMR %.0e", preview.targetFmr()),
            preview.estimatedFmr() == null
                ? "n/a"
                : String.format(Locale.ROOT, "%.2e", preview.estimatedFmr()),
            preview.estimatedFnmr() == null
                ? "n/a"
                : String.format(Locale.ROOT, "%.2f%%", 100 * preview.estimatedFnmr()),
            preview.needsAcceptance() ? ", above the limit: accepted" : "",
            preview.basis()));
    return preview;
  }

  private ChangePreview preview(ThresholdChange change, Basis basis, RecognitionSettings current) {
    Thresholds inForce = current.thresholdsFor(change.site());
    ScoreCalibration c = basis.stats();
    GalleryScores g = basis.scores();
    if (change.site() != null && change.site().length() > 100) {
      throw new InvalidInputException(List.of("A site name has at most 100 characters."));
    }
    double threshold;
    if (change.targetFmr() != null && change.threshold() != null) {
      throw new InvalidInputException(
          List.of("Give either a target FMR or a threshold, not both."));
    } else if (change.targetFmr() != null) {
      threshold = thresholdForTarget(change.targetFmr(), basis);
    } else if (change.threshold() != null) {
      threshold = change.threshold();
    } else {
      throw new InvalidInputException(List.of("A target FMR or a threshold is required."));
    }
    double margin = change.margin() != null ? change.margin() : inForce.margin();
    Thresholds proposed;
    try {
      proposed = new Thresholds(threshold, margin);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(List.of(e.getMessage() + "."));
    }
    List<String> problems = new ArrayList<>();
    Double fmr = null;
    Double fnmr = null;
    if (c != null) {
      if (threshold < c.minScore() || threshold > c.maxScore()) {
        problems.add(
            String.format(
                Locale.ROOT,
                "Threshold %.4f is outside the score range of the templates (%.4f to %.4f).",
                threshold,
                c.minScore(),
                c.maxScore()));
      }
      fmr = c.fmr(threshold);
      fnmr = c.fnmr(threshold);
    }
    DecisionReplay.Counts replay = replay(basis.modelVersion(), change.site(), current, proposed);
    return new ChangePreview(
        change.site(),
        inForce.threshold(),
        inForce.margin(),
        threshold,
        margin,
        change.targetFmr(),
        fmr,
        fnmr,
        fmr == null ? null : ScoreCalibration.strangerMatchProbability(fmr, g.people()),
        fmr == null ? null : ScoreCalibration.falseOpensPer1000Strangers(fmr, g.people()),
        g.people(),
        previewDays,
        replay.decisions(),
        replay.matchesNow(),
        replay.matchesProposed(),
        replay.matchToUnknown(),
        replay.unknownToMatch(),
        problems,
        fmr == null || fmr > fmrLimit,
        basis.describe());
  }

  private double thresholdForTarget(double target, Basis basis) {
    if (!(target > 0 && target <= 1)) {
      throw new InvalidInputException(List.of("A target FMR must lie in (0, 1]."));
    }
    if (!basis.scorable()) {
      throw new InvalidInputException(
          List.of(
              "There are no genuine and impostor template pairs to derive a threshold from: type"
                  + " a threshold instead."));
    }
    if (!basis.scores().reliable()) {
      throw new InvalidInputException(
          List.of(reliabilityNote(basis.scores()) + " Type a threshold instead."));
    }
    ScoreCalibration.OperatingPoint p = basis.stats().operatingPoint(target);
    if (!p.supported()) {
      throw new InvalidInputException(
          List.of(
              String.format(
                  Locale.ROOT,
                  "Not enough data for FMR %.0e: %d impostor pairs resolve FMRs down to %.1e.",
                  target,
                  basis.scores().impostorPairsUsed(),
                  basis.stats().smallestResolvableFmr())));
    }
    return Math.ceil(p.threshold() / THRESHOLD_STEP) * THRESHOLD_STEP;
  }

  private DecisionReplay.Counts replay(
      String modelVersion, String site, RecognitionSettings current, Thresholds proposed) {
    Map<String, Thresholds> overrides = current.getSiteOverrides();
    Predicate<String> affected =
        site != null ? site::equals : s -> s == null || !overrides.containsKey(s);
    return DecisionReplay.replay(
        recentDecisions(modelVersion), modelVersion, affected, current::thresholdsFor, proposed);
  }

  private List<ScoredDecision> recentDecisions(String modelVersion) {
    Instant now = clock.instant();
    return checkIns.scoredDecisions(now.minus(Duration.ofDays(previewDays)), now).stream()
        .filter(d -> modelVersion.equals(d.modelVersion()))
        .toList();
  }

  private Basis basis(CalibrationScope scope) {
    String modelVersion = scope.modelVersion().orElse(engine.modelVersion());
    GalleryScores scores =
        GalleryScores.compute(
            gallery.vectors(modelVersion, scope.site(), scope.department()),
            maxImpostorPairs,
            sampleSeed);
    return new Basis(
        modelVersion, scope, scores, scores.scorable() ? ScoreCalibration.of(scores) : null);
  }

  private String reliabilityNote(GalleryScores g) {
    return String.format(
        Locale.ROOT,
        "The estimate is unreliable: %d people have %d or more templates, %d are needed. The"
            + " shipped calibration (threshold %.3f at FMR 1e-3 on the AT&T set) is the reference.",
        g.peopleWithTwoTemplates(),
        GalleryScores.MIN_TEMPLATES_PER_PERSON,
        GalleryScores.MIN_PEOPLE,
        engine.calibratedThreshold());
  }

  /** The audit subject: "installation" or "site NAME", within the column's 100 characters. */
  private static String subject(String site) {
    String subject = site == null ? "installation" : "site " + site;
    return subject.length() > 100 ? subject.substring(0, 100) : subject;
  }

  private static List<Long> boxed(long[] values) {
    return Arrays.stream(values).boxed().toList();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
