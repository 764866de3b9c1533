package dev.facegate.models.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.facegate.models.evaluation.DetectionMetrics.Detected;
import dev.facegate.models.evaluation.GroundTruthImage.Face;
import dev.facegate.models.geometry.Box;
import java.util.List;
import org.junit.jupiter.api.Test;

class DetectionMetricsTest {

  private static Face face(double x, double y, double side) {
    return new Face(Box.ofSize(x, y, side, side), false);
  }

  @Test
  void countsMatchesDuplicatesAndMisses() {
    DetectionMetrics m = new DetectionMetrics(0.5, 40);
    m.add(
        List.of(face(0, 0, 50), face(100, 0, 50), face(200, 0, 50)),
        List.of(
            new Detected(Box.ofSize(2, 2, 50, 50), 0.9), // TP
            new Detected(Box.ofSize(0, 0, 52, 52), 0.8), // duplicate of the same face: FP
            new Detected(Box.ofSize(100, 0, 50, 50), 0.95), // TP
            new Detected(Box.ofSize(400, 0, 60, 60), 0.7))); // nothing there: FP
    assertThat(m.positives()).isEqualTo(3);
    assertThat(m.truePositives()).isEqualTo(2);
    assertThat(m.falsePositives()).isEqualTo(2);
    assertThat(m.recall()).isCloseTo(2 / 3.0, within(1e-12));
    assertThat(m.precision()).isEqualTo(0.5);
    // Ranked: TP, TP, FP, FP -> precision 1 up to recall 2/3.
    assertThat(m.averagePrecision()).isCloseTo(2 / 3.0, within(1e-12));
  }

  @Test
  void smallAndIgnoredFacesCountNeitherWay() {
    DetectionMetrics m = new DetectionMetrics(0.5, 40);
    m.add(
        List.of(face(0, 0, 20), new Face(Box.ofSize(100, 0, 50, 50), true)),
        List.of(
            new Detected(Box.ofSize(0, 0, 20, 20), 0.9),
            new Detected(Box.ofSize(100, 0, 50, 50), 0.9),
            new Detected(Box.ofSize(300, 0, 20, 20), 0.9))); // small unmatched: not counted
    assertThat(m.positives()).isZero();
    assertThat(m.truePositives()).isZero();
    assertThat(m.falsePositives()).isZero();
    assertThat(m.recall()).isEqualTo(1);
  }

  @Test
  void averagePrecisionPenalisesHighScoringFalsePositives() {
    DetectionMetrics m = new DetectionMetrics(0.5, 0);
    m.add(
        List.of(face(0, 0, 50), face(100, 0, 50)),
        List.of(
            new Detected(Box.ofSize(500, 0, 50, 50), 0.99),
            new Detected(Box.ofSize(0, 0, 50, 50), 0.9),
            new Detected(Box.ofSize(100, 0, 50, 50), 0.8)));
    // Ranked FP, TP, TP: precision at recall 0.5 is 1/2, at recall 1 is 2/3 (monotone: 2/3).
    assertThat(m.averagePrecision()).isCloseTo(2 / 3.0, within(1e-12));
    assertThat(m.recall()).isEqualTo(1);
  }
}
