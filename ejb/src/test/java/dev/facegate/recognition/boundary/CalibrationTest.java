package dev.facegate.recognition.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.facegate.attendance.boundary.CheckIns;
import dev.facegate.attendance.boundary.ScoredDecision;
import dev.facegate.domain.audit.AuditAction;
import dev.facegate.domain.recognition.Outcome;
import dev.facegate.domain.recognition.RecognitionSettings;
import dev.facegate.domain.recognition.Thresholds;
import dev.facegate.faces.boundary.FaceAnalysis;
import dev.facegate.models.evaluation.GalleryScores;
import dev.facegate.models.evaluation.ScoreCalibration;
import dev.facegate.platform.InvalidInputException;
import dev.facegate.platform.control.AuditLog;
import dev.facegate.recognition.control.SettingsRepository;
import dev.facegate.recognition.control.TemplateGallery;
import dev.facegate.recognition.entity.CalibrationScope;
import dev.facegate.recognition.entity.ChangePreview;
import dev.facegate.recognition.entity.ThresholdChange;
import dev.facegate.recognition.entity.TuningReport;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The boundary's rules on an in-memory gallery: thin data, target FMR to threshold, the bounds
 * (score range, FMR limit with acceptance), site overrides, the audit record and the replay.
 */
class CalibrationTest {

  private static final String MODEL = new FaceAnalysis().modelVersion();
  private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

  private final RecognitionSettings stored =
      new RecognitionSettings(new Thresholds(0.935, 0.02), 300, NOW, "system");
  private final List<String> audited = new ArrayList<>();
  private List<List<float[]>> vectors = gallery(30, 3, 1);
  private List<ScoredDecision> decisions = List.of();

  private Calibration calibration() {
    Calibration c = new Calibration();
    c.gallery =
        new TemplateGallery() {
          @Override
          public List<List<float[]>> vectors(
              String modelVersion, Optional<String> site, Optional<String> department) {
            assertThat(modelVersion).isEqualTo(MODEL);
            return vectors;
          }
        };
    c.settings =
        new SettingsRepository() {
          @Override
          public RecognitionSettings current() {
            return stored;
          }
        };
    c.engine = new FaceAnalysis();
    c.checkIns =
        new CheckIns() {
          @Override
          public List<ScoredDecision> scoredDecisions(Instant from, Instant to) {
            assertThat(to).isEqualTo(NOW);
            assertThat(from).isEqualTo(NOW.minusSeconds(30L * 86_400));
            return decisions;
          }
        };
    c.audit =
        new AuditLog() {
          @Override
          public void record(AuditAction action, String subject, String detail) {
            audited.add(action + "|" + subject + "|" + detail);
          }

          @Override
          public String actor() {
            return "admin";
          }
        };
    c.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    c.previewDays = 30;
    c.maxImpostorPairs = 1_000_000;
    c.sampleSeed = 42;
    c.fmrLimit = 0.01;
    c.duplicateSimilarity = Optional.empty();
    return c;
  }

  /** The statistics the boundary must agree with, computed directly. */
  private ScoreCalibration expected() {
    return ScoreCalibration.of(GalleryScores.compute(vectors, 1_000_000, 42));
  }

  @Test
  void reportsTheDataBasisOperatingPointsAndTheFiguresInForce() {
    TuningReport r = calibration().report(CalibrationScope.all(), null);

    assertThat(r.people()).isEqualTo(30);
    assertThat(r.templates()).isEqualTo(90);
    assertThat(r.genuinePairs()).isEqualTo(90); // 30 x C(3,2)
    assertThat(r.impostorPairsTotal()).isEqualTo(90 * 89 / 2 - 90);
    assertThat(r.reliable()).isTrue();
    assertThat(r.reliabilityNote()).isNull();
    assertThat(r.currentThreshold()).isEqualTo(0.935);
    assertThat(r.currentFmr()).isEqualTo(expected().fmr(0.935));
    assertThat(r.currentStrangerMatchProbability())
        .isEqualTo(ScoreCalibration.strangerMatchProbability(expected().fmr(0.935), 30));
    assertThat(r.operatingPoints()).hasSize(5);
    // 3,915 impostor pairs: 1e-2 and 1e-3 resolvable, 1e-4 and below not.
    assertThat(r.operatingPoints().get(1).supported()).isTrue();
    assertThat(r.operatingPoints().get(1).threshold())
        .isEqualTo(expected().operatingPoint(1e-3).threshold());
    assertThat(r.operatingPoints().get(2).supported()).isFalse();
    assertThat(r.histogram().genuine().stream().mapToLong(Long::longValue).sum()).isEqualTo(90);
    assertThat(r.curve()).isNotEmpty();
  }

  @Test
  void thinDataIsFlaggedAndATargetFmrIsRefused() {
    vectors = gallery(12, 3, 2);
    Calibration c = calibration();

    TuningReport r = c.report(CalibrationScope.all(), null);
    assertThat(r.reliable()).isFalse();
    assertThat(r.reliabilityNote()).contains("12 people", "20 are needed", "0.935");
    assertThat(r.scorable()).isTrue(); // shown, but flagged

    assertThatThrownBy(() -> c.preview(change(null, 1e-3, null, null, false)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Type a threshold instead");
  }

  @Test
  void appliesATargetFmrToTheInstallationRoundedUpAndAudited() {
    double opThreshold = expected().operatingPoint(1e-2).threshold();
    double rounded = Math.ceil(opThreshold / 1e-4) * 1e-4;

    ChangePreview applied = calibration().apply(change(null, 1e-2, null, null, false));

    assertThat(applied.threshold()).isEqualTo(rounded).isGreaterThanOrEqualTo(opThreshold);
    assertThat(applied.estimatedFmr()).isLessThanOrEqualTo(1e-2);
    assertThat(stored.defaults()).isEqualTo(new Thresholds(rounded, 0.02));
    assertThat(stored.getUpdatedBy()).isEqualTo("admin");
    assertThat(audited)
        .singleElement()
        .asString()
        .startsWith("THRESHOLD_TUNED|installation|Installation default: threshold 0.9350 -> ")
        .contains(
            String.format(java.util.Locale.ROOT, "%.4f", rounded),
            "margin 0.020 -> 0.020",
            "target FMR 1e-02",
            "30 people (30 with 2+ templates), 90 templates, 90 genuine pairs, 3915 of 3915",
            "reliable");
  }

  @Test
  void refusesAThresholdOutsideTheScoreRangeAndAnUnacceptedHighFmr() {
    Calibration c = calibration();
    ScoreCalibration e = expected();

    double aboveEveryPair = e.maxScore() + (1 - e.maxScore()) / 2;
    assertThatThrownBy(() -> c.apply(change("north", null, aboveEveryPair, null, true)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("outside the score range");
    // The impostor median: half the impostor pairs match, far above 1e-2.
    double loose = e.impostorSummary().median();
    assertThatThrownBy(() -> c.apply(change("north", null, loose, 0.01, false)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("I accept");
    assertThat(stored.getSiteOverrides()).isEmpty();
    assertThat(audited).isEmpty();

    ChangePreview accepted = c.apply(change("north", null, loose, 0.01, true));

    assertThat(accepted.estimatedFmr()).isGreaterThan(0.01);
    assertThat(stored.thresholdsFor("north")).isEqualTo(new Thresholds(loose, 0.01));
    assertThat(stored.defaults()).isEqualTo(new Thresholds(0.935, 0.02)); // untouched
    assertThat(audited)
        .singleElement()
        .asString()
        .startsWith("THRESHOLD_TUNED|site north|Site north: ")
        .contains("typed", "above the limit: accepted");
  }

  @Test
  void previewReplaysTheRecordedDecisionsOfTheSiteItChanges() {
    decisions =
        List.of(
            new ScoredDecision(1L, "north", Outcome.MATCH, 0.94, null, MODEL),
            new ScoredDecision(1L, "north", Outcome.UNKNOWN, 0.93, 0.80, MODEL),
            new ScoredDecision(2L, "south", Outcome.MATCH, 0.94, null, MODEL));

    ChangePreview p = calibration().preview(change("north", null, 0.925, null, false));

    assertThat(p.decisions()).isEqualTo(2);
    assertThat(p.matchesNow()).isEqualTo(1);
    assertThat(p.unknownToMatch()).isEqualTo(1);
    assertThat(p.matchToUnknown()).isZero();
    assertThat(p.margin()).isEqualTo(0.02); // kept from the thresholds in force
    assertThat(stored.getSiteOverrides()).isEmpty(); // a preview stores nothing
  }

  @Test
  void refusesMalformedProposals() {
    Calibration c = calibration();
    assertThatThrownBy(() -> c.preview(change(null, 1e-3, 0.93, null, false)))
        .hasMessageContaining("not both");
    assertThatThrownBy(() -> c.preview(change(null, null, null, null, false)))
        .hasMessageContaining("is required");
    assertThatThrownBy(() -> c.preview(change(null, 2.0, null, null, false)))
        .hasMessageContaining("(0, 1]");
    assertThatThrownBy(() -> c.preview(change(null, 1e-6, null, null, false)))
        .hasMessageContaining("Not enough data for FMR 1e-06");
    assertThatThrownBy(() -> c.preview(change(null, null, 0.93, 1.5, false)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("margin");
  }

  private static ThresholdChange change(
      String site, Double target, Double threshold, Double margin, boolean accept) {
    return new ThresholdChange(site, target, threshold, margin, accept, CalibrationScope.all());
  }

  /** People whose templates are noisy copies of their own random direction (8-D, unit length). */
  private static List<List<float[]>> gallery(int people, int each, long seed) {
    Random r = new Random(seed);
    List<List<float[]>> gallery = new ArrayList<>();
    for (int p = 0; p < people; p++) {
      double[] centre = new double[8];
      for (int i = 0; i < 8; i++) {
        centre[i] = r.nextGaussian();
      }
      List<float[]> templates = new ArrayList<>();
      for (int t = 0; t < each; t++) {
        float[] v = new float[8];
        double norm = 0;
        for (int i = 0; i < 8; i++) {
          v[i] = (float) (centre[i] + 0.3 * r.nextGaussian());
          norm += v[i] * v[i];
        }
        for (int i = 0; i < 8; i++) {
          v[i] /= (float) Math.sqrt(norm);
        }
        templates.add(v);
      }
      gallery.add(templates);
    }
    return gallery;
  }

  @Test
  void theOverrideMarginDefaultsToTheSitesOwn() {
    stored.overrideForSite("north", new Thresholds(0.95, 0.05));
    ChangePreview p = calibration().preview(change("north", null, 0.94, null, false));
    assertThat(p.currentThreshold()).isEqualTo(0.95);
    assertThat(p.margin()).isEqualTo(0.05);
    assertThat(p.estimatedFmr()).isEqualTo(expected().fmr(0.94));
  }
}
