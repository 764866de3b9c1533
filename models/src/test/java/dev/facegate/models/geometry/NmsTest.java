package dev.facegate.models.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.facegate.models.geometry.Nms.Overlap;
import java.util.List;
import org.junit.jupiter.api.Test;

class NmsTest {

  private static final List<Box> BOXES =
      List.of(
          Box.ofSize(0, 0, 10, 10), // 0
          Box.ofSize(1, 0, 10, 10), // 1: IoU 0.818 with 0
          Box.ofSize(50, 50, 10, 10), // 2: far away
          Box.ofSize(2, 2, 4, 4)); // 3: inside 0, IoU 0.16

  @Test
  void unionKeepsTheBestOfEachClusterInScoreOrder() {
    int[] keep = Nms.suppress(BOXES, new float[] {0.8f, 0.9f, 0.5f, 0.7f}, 0.5, Overlap.UNION);
    assertThat(keep).containsExactly(1, 3, 2);
  }

  @Test
  void minAlsoRemovesNestedBoxes() {
    int[] keep = Nms.suppress(BOXES, new float[] {0.8f, 0.9f, 0.5f, 0.7f}, 0.5, Overlap.MIN);
    assertThat(keep).containsExactly(1, 2);
  }

  @Test
  void thresholdIsExclusive() {
    List<Box> half = List.of(Box.ofSize(0, 0, 10, 10), Box.ofSize(5, 0, 10, 10));
    // IoU exactly 1/3: kept at threshold 1/3, dropped below it.
    assertThat(Nms.suppress(half, new float[] {1, 0.5f}, 1.0 / 3, Overlap.UNION)).hasSize(2);
    assertThat(Nms.suppress(half, new float[] {1, 0.5f}, 0.33, Overlap.UNION)).hasSize(1);
  }

  @Test
  void equalScoresKeepTheEarlierBoxAndEmptyInputIsFine() {
    List<Box> same = List.of(Box.ofSize(0, 0, 10, 10), Box.ofSize(0, 0, 10, 10));
    assertThat(Nms.suppress(same, new float[] {0.5f, 0.5f}, 0.5, Overlap.UNION)).containsExactly(0);
    assertThat(Nms.suppress(List.of(), new float[0], 0.5, Overlap.UNION)).isEmpty();
  }

  @Test
  void rejectsMismatchedScores() {
    assertThatThrownBy(() -> Nms.suppress(BOXES, new float[1], 0.5, Overlap.UNION))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
