package dev.facegate.models.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreCalibrationTest {

  // Hand-made scores; every threshold used below lies between two scores, never on one.
  private static final double[] GENUINE = {0.95, 0.90, 0.85, 0.60};
  private static final double[] IMPOSTOR = {
    0.10, 0.20, 0.30, 0.40, 0.50, 0.55, 0.65, 0.70, 0.80, 0.88
  };

  private final ScoreCalibration calibration = new ScoreCalibration(GENUINE, IMPOSTOR);

  @Test
  void fmrAndFnmrAtAThreshold() {
    // >= 0.75: impostors 0.80, 0.88 (2 of 10); genuine below: 0.60 (1 of 4).
    assertThat(calibration.fmr(0.75)).isCloseTo(0.2, within(1e-12));
    assertThat(calibration.fnmr(0.75)).isCloseTo(0.25, within(1e-12));
    // >= 0.89: no impostor; genuine below: 0.85, 0.60.
    assertThat(calibration.fmr(0.89)).isZero();
    assertThat(calibration.fnmr(0.89)).isCloseTo(0.5, within(1e-12));
    // Everything matches below the lowest score, nothing above the highest.
    assertThat(calibration.fmr(0.0)).isEqualTo(1.0);
    assertThat(calibration.fnmr(0.0)).isZero();
    assertThat(calibration.fnmr(0.99)).isEqualTo(1.0);
  }

  @Test
  void operatingPointsAcceptFloorOfTargetTimesImpostorPairs() {
    // 1e-1 of 10 impostor pairs: one may pass (0.88); threshold just above 0.80.
    ScoreCalibration.OperatingPoint p = calibration.operatingPoint(0.1);
    assertThat(p.supported()).isTrue();
    assertThat(p.threshold()).isGreaterThan(0.80).isLessThanOrEqualTo(0.88);
    assertThat(p.fmr()).isCloseTo(0.1, within(1e-12));
    assertThat(p.impostorsAccepted()).isEqualTo(1);
    assertThat(p.fnmr()).isCloseTo(0.25, within(1e-12)); // 0.60 is rejected

    ScoreCalibration.OperatingPoint q = calibration.operatingPoint(0.25); // floor(2.5) = 2 pass
    assertThat(q.threshold()).isGreaterThan(0.70).isLessThanOrEqualTo(0.80);
    assertThat(q.fmr()).isCloseTo(0.2, within(1e-12));
    assertThat(q.impostorsAccepted()).isEqualTo(2);

    ScoreCalibration.OperatingPoint all = calibration.operatingPoint(1.0);
    assertThat(all.fmr()).isEqualTo(1.0);
    assertThat(all.fnmr()).isZero();
  }

  @Test
  void neverReportsAnFmrBelowOneOverTheImpostorPairs() {
    assertThat(calibration.smallestResolvableFmr()).isCloseTo(0.1, within(1e-15));
    ScoreCalibration.OperatingPoint p = calibration.operatingPoint(0.01);
    assertThat(p.supported()).isFalse();
    assertThat(p.threshold()).isNaN();
    assertThat(p.fnmr()).isNaN();

    List<ScoreCalibration.OperatingPoint> table =
        calibration.operatingPoints(ScoreCalibration.STANDARD_TARGETS);
    assertThat(table).hasSize(5).noneMatch(ScoreCalibration.OperatingPoint::supported);
  }

  @Test
  void resolutionBoundaryIsExactlyOneImpostorPair() {
    double[] impostor = new double[1000];
    for (int i = 0; i < impostor.length; i++) {
      impostor[i] = i / 2000.0; // 0 .. 0.4995
    }
    ScoreCalibration c = new ScoreCalibration(new double[] {0.9, 0.45}, impostor);
    assertThat(c.supports(1e-3)).isTrue(); // 1e-3 * 1000 = one pair
    assertThat(c.supports(9.99e-4)).isFalse();
    ScoreCalibration.OperatingPoint p = c.operatingPoint(1e-3);
    assertThat(p.impostorsAccepted()).isEqualTo(1);
    assertThat(p.threshold()).isGreaterThan(0.499).isLessThanOrEqualTo(0.4995);
    assertThat(p.fnmr()).isCloseTo(0.5, within(1e-12)); // 0.45 is below
    assertThat(c.operatingPoint(1e-4).supported()).isFalse();
  }

  @Test
  void curveIsLogSpacedWithoutZeroFmrOrRepeatedThresholds() {
    // Levels 10^-1, 10^-0.75, 10^-0.5, 10^-0.25, 1 -> 1, 1, 3, 5, 10 impostors may pass; the
    // second repeats the first threshold and is dropped.
    List<ScoreCalibration.CurvePoint> curve = calibration.curve(5);
    assertThat(curve)
        .extracting(ScoreCalibration.CurvePoint::fmr)
        .containsExactly(0.1, 0.3, 0.5, 1.0);
    assertThat(curve)
        .extracting(ScoreCalibration.CurvePoint::fnmr)
        .containsExactly(0.25, 0.25, 0.0, 0.0);
    assertThat(curve.get(1).threshold())
        .isGreaterThan(0.65)
        .isLessThanOrEqualTo(0.70); // 0.70, 0.80, 0.88 pass
  }

  @Test
  void histogramsShareTheirBins() {
    // lo 0.10, hi 0.95, width 0.2125: [0.1, 0.3125) [0.3125, 0.525) [0.525, 0.7375) [0.7375, 0.95]
    ScoreCalibration.Histogram h = calibration.histogram(4);
    assertThat(h.lo()).isEqualTo(0.10);
    assertThat(h.width()).isCloseTo(0.2125, within(1e-12));
    assertThat(h.impostor()).containsExactly(3, 2, 3, 2);
    assertThat(h.genuine()).containsExactly(0, 0, 1, 3);
    assertThat(h.centre(0)).isCloseTo(0.20625, within(1e-12));
    assertThat(calibration.minScore()).isEqualTo(0.10);
    assertThat(calibration.maxScore()).isEqualTo(0.95);
  }

  @Test
  void openSetRiskGrowsWithTheGallery() {
    // 1 - 0.999^100 = 0.0952078528...
    assertThat(ScoreCalibration.strangerMatchProbability(1e-3, 100))
        .isCloseTo(0.0952078529, within(1e-9));
    assertThat(ScoreCalibration.falseOpensPer1000Strangers(1e-3, 100))
        .isCloseTo(95.2078529, within(1e-6));
    // 1 - 0.999^40 = 0.0392297893 (the AT&T gallery)
    assertThat(ScoreCalibration.strangerMatchProbability(1e-3, 40))
        .isCloseTo(0.0392297893, within(1e-9));
    // Tiny FMR: no cancellation, about N * f.
    assertThat(ScoreCalibration.strangerMatchProbability(1e-12, 1000))
        .isCloseTo(1e-9, within(1e-15));
    assertThat(ScoreCalibration.strangerMatchProbability(0, 1000)).isZero();
    assertThat(ScoreCalibration.strangerMatchProbability(1e-3, 0)).isZero();
    assertThat(ScoreCalibration.strangerMatchProbability(1, 5)).isEqualTo(1.0);
    assertThatThrownBy(() -> ScoreCalibration.strangerMatchProbability(1.5, 5))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesTargetsOutsideZeroToOne() {
    assertThatThrownBy(() -> calibration.operatingPoint(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> calibration.operatingPoint(1.5))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
