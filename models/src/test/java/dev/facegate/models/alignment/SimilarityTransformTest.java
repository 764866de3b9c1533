package dev.facegate.models.alignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SimilarityTransformTest {

  private static final double[][] TEMPLATE = {
    {44.8, 44.2}, {101.1, 42.2}, {72.8, 75.2}, {51.2, 102.9}, {99.8, 100.9}
  };

  @Test
  void recoversAKnownTransformExactly() {
    Random random = new Random(7);
    for (int trial = 0; trial < 20; trial++) {
      double scale = 0.2 + 3 * random.nextDouble();
      double angle = (random.nextDouble() - 0.5) * 2 * Math.PI * 0.99;
      double tx = (random.nextDouble() - 0.5) * 400;
      double ty = (random.nextDouble() - 0.5) * 400;
      SimilarityTransform truth = SimilarityTransform.of(scale, angle, tx, ty);
      double[][] dst = map(truth, TEMPLATE);

      SimilarityTransform estimated = SimilarityTransform.estimate(TEMPLATE, dst);

      assertThat(estimated.scale()).isCloseTo(scale, within(1e-9));
      assertThat(estimated.rotation()).isCloseTo(angle, within(1e-9));
      assertThat(estimated.tx()).isCloseTo(tx, within(1e-7));
      assertThat(estimated.ty()).isCloseTo(ty, within(1e-7));
      assertThat(estimated.rmsError(TEMPLATE, dst)).isLessThan(1e-9);
    }
  }

  @Test
  void recoversTheTransformUnderSymmetricNoise() {
    SimilarityTransform truth = SimilarityTransform.of(0.5, 0.25, 30, -12);
    double[][] dst = map(truth, TEMPLATE);
    // Perturbations that cancel in the mean and in the first moments leave the LS fit unchanged.
    double[][] noisy = new double[5][];
    double[][] offsets = {{1, 0}, {-1, 0}, {0, 0}, {1, 0}, {-1, 0}};
    for (int i = 0; i < 5; i++) {
      noisy[i] = new double[] {dst[i][0] + 0.01 * offsets[i][0], dst[i][1] + 0.01 * offsets[i][1]};
    }
    SimilarityTransform estimated = SimilarityTransform.estimate(TEMPLATE, noisy);
    assertThat(estimated.scale()).isCloseTo(0.5, within(1e-3));
    assertThat(estimated.rotation()).isCloseTo(0.25, within(1e-3));
  }

  @Test
  void neverReflectsAndIsALocalLeastSquaresOptimumOnAMirroredSet() {
    double[][] mirrored = new double[5][];
    for (int i = 0; i < 5; i++) {
      mirrored[i] = new double[] {-TEMPLATE[i][0], TEMPLATE[i][1]};
    }
    SimilarityTransform best = SimilarityTransform.estimate(TEMPLATE, mirrored);
    double error = best.rmsError(TEMPLATE, mirrored);
    assertThat(error).isGreaterThan(1); // a mirror image cannot be matched by a proper rotation
    double[] deltas = {-1e-3, 1e-3};
    for (double d : deltas) {
      assertThat(
              SimilarityTransform.of(best.scale() + d, best.rotation(), best.tx(), best.ty())
                  .rmsError(TEMPLATE, mirrored))
          .isGreaterThanOrEqualTo(error);
      assertThat(
              SimilarityTransform.of(best.scale(), best.rotation() + d, best.tx(), best.ty())
                  .rmsError(TEMPLATE, mirrored))
          .isGreaterThanOrEqualTo(error);
    }
  }

  @Test
  void inverseUndoesTheTransform() {
    SimilarityTransform t = SimilarityTransform.of(2.5, -1.1, 17, 4);
    double[] p = t.inverse().apply(t.apply(3.5, -8)[0], t.apply(3.5, -8)[1]);
    assertThat(p[0]).isCloseTo(3.5, within(1e-12));
    assertThat(p[1]).isCloseTo(-8, within(1e-12));
  }

  @Test
  void rejectsDegenerateInput() {
    double[][] same = {{1, 1}, {1, 1}, {1, 1}};
    assertThatThrownBy(() -> SimilarityTransform.estimate(same, same))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("degenerate");
    assertThatThrownBy(() -> SimilarityTransform.estimate(TEMPLATE, new double[2][2]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  static double[][] map(SimilarityTransform t, double[][] points) {
    double[][] out = new double[points.length][];
    for (int i = 0; i < points.length; i++) {
      out[i] = t.apply(points[i][0], points[i][1]);
    }
    return out;
  }
}
