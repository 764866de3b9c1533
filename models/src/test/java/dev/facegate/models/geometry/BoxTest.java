package dev.facegate.models.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BoxTest {

  @Test
  void iouOfIdenticalDisjointAndHalfOverlappingBoxes() {
    Box a = Box.ofSize(0, 0, 10, 10);
    assertThat(a.iou(a)).isEqualTo(1.0);
    assertThat(a.iou(Box.ofSize(20, 20, 5, 5))).isZero();
    // Touching edges share no area.
    assertThat(a.iou(Box.ofSize(10, 0, 10, 10))).isZero();
    // Overlap 5 x 10 = 50, union 150.
    assertThat(a.iou(Box.ofSize(5, 0, 10, 10))).isCloseTo(1.0 / 3, within(1e-12));
  }

  @Test
  void iouIsSymmetricAndIomSeesNestedBoxes() {
    Box big = Box.ofSize(0, 0, 10, 10);
    Box small = Box.ofSize(2, 2, 4, 4);
    assertThat(big.iou(small)).isEqualTo(small.iou(big)).isCloseTo(0.16, within(1e-12));
    assertThat(big.iom(small)).isEqualTo(1.0);
  }

  @Test
  void emptyBoxesHaveNoOverlap() {
    Box point = new Box(1, 1, 1, 1);
    assertThat(point.iou(point)).isZero();
    assertThat(point.iom(Box.ofSize(0, 0, 2, 2))).isZero();
  }

  @Test
  void rejectsInvertedOrNonFiniteCorners() {
    assertThatThrownBy(() -> new Box(5, 0, 4, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Box(0, Double.NaN, 4, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void containsIncludesTheBorder() {
    Box b = Box.ofSize(0, 0, 10, 10);
    assertThat(b.contains(new Point(10, 0))).isTrue();
    assertThat(b.contains(new Point(10.01, 5))).isFalse();
    assertThat(b.toXywh()).containsExactly(0, 0, 10, 10);
  }
}
