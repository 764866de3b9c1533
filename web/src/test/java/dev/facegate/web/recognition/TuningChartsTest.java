package dev.facegate.web.recognition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.facegate.recognition.entity.CurvePoint;
import dev.facegate.recognition.entity.ScoreHistogram;
import java.util.List;
import org.junit.jupiter.api.Test;

class TuningChartsTest {

  private static final ScoreHistogram HISTOGRAM =
      new ScoreHistogram(0.80, 0.05, List.of(0L, 1L, 3L), List.of(6L, 2L, 0L), List.of(0L, 0L, 0L));

  @Test
  void histogramDrawsSharesPerBinAndTheThresholdAsAVerticalLine() {
    String json = TuningCharts.histogram(HISTOGRAM, 0.875, 0.86);

    // Bin centres 0.825, 0.875, 0.925; impostor shares 6/8, 2/8, 0; genuine 0, 1/4, 3/4.
    assertThat(json)
        .contains(
            "{\"label\":\"Impostor pairs (different people)\",\"data\":"
                + "[{\"x\":0.825000,\"y\":0.750000},{\"x\":0.875000,\"y\":0.250000},"
                + "{\"x\":0.925000,\"y\":0.00000}]")
        .contains(
            "\"data\":[{\"x\":0.825000,\"y\":0.00000},{\"x\":0.875000,\"y\":0.250000},"
                + "{\"x\":0.925000,\"y\":0.750000}]")
        // The line spans 0 to a little above the highest share (0.75 * 1.05).
        .contains(
            "{\"label\":\"Current threshold 0.8750\",\"data\":"
                + "[{\"x\":0.875000,\"y\":0.00000},{\"x\":0.875000,\"y\":0.787500}]")
        .contains("\"label\":\"Proposed threshold 0.8600\"")
        .contains(
            "\"title\":{\"display\":true,\"text\":\"Cosine similarity of a pair of templates\"")
        .doesNotContain("Recent check-ins"); // no recent decisions: no empty dataset
    assertThat(json.chars().filter(c -> c == '{').count())
        .isEqualTo(json.chars().filter(c -> c == '}').count());
  }

  @Test
  void detLeavesOutPointsThatALogAxisCannotShow() {
    List<CurvePoint> curve =
        List.of(new CurvePoint(0.95, 1e-4, 0.07), new CurvePoint(0.90, 1e-1, 0.0));
    String det = TuningCharts.det(curve, new double[] {1e-3, 0.03}, new double[] {0, 0.5}, 1e-5);
    String roc = TuningCharts.roc(curve, new double[] {1e-3, 0.03}, null, 1e-5);

    assertThat(det)
        .contains("\"data\":[{\"x\":0.000100000,\"y\":0.0700000}]")
        .contains("\"type\":\"logarithmic\",\"min\":1.00000e-05")
        .contains("False non-match rate (FNMR, log scale)")
        .contains("\"label\":\"Current threshold\"")
        .doesNotContain("Proposed threshold"); // FMR 0 cannot be drawn
    assertThat(roc)
        .contains("{\"x\":0.100000,\"y\":1.00000}")
        .contains("{\"x\":0.00100000,\"y\":0.970000}")
        .contains("True match rate (1 - FNMR)");
  }

  @Test
  void refusesValuesJsonCannotCarry() {
    assertThatThrownBy(() -> TuningCharts.num(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(TuningCharts.num(1e-6)).isEqualTo("1.00000e-06");
  }
}
