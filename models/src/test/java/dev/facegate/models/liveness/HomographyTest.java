package dev.facegate.models.liveness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class HomographyTest {

  private static final double[][] FACE = {
    {100, 100}, {160, 100}, {130, 135}, {108, 165}, {152, 165}
  };

  @Test
  void recoversAnExactHomographyFromFivePoints() {
    Homography truth = Homography.of(0.9, 0.12, 15, -0.05, 1.1, 7, 0.0008, -0.0005, 1);
    double[][] moved = map(truth, FACE);
    Homography fitted = Homography.estimate(FACE, moved);
    assertThat(fitted.rmsError(FACE, moved)).isLessThan(1e-6);
    double[] p = fitted.apply(400, -50);
    double[] q = truth.apply(400, -50);
    assertThat(p[0]).isCloseTo(q[0], within(1e-4));
    assertThat(p[1]).isCloseTo(q[1], within(1e-4));
  }

  @Test
  void inverseAndCompositionUndoEachOther() {
    Homography h = Homography.of(1.2, -0.3, 40, 0.25, 0.8, -12, 0.001, 0.0003, 1);
    Homography identity = h.inverse().after(h);
    double[] p = identity.apply(37, 81);
    assertThat(p[0]).isCloseTo(37, within(1e-9));
    assertThat(p[1]).isCloseTo(81, within(1e-9));
  }

  @Test
  void leastSquaresOnNoisyPointsLeavesAResidualOfTheNoiseLevel() {
    Random random = new Random(3);
    Homography truth = Homography.of(1, 0.05, 3, -0.02, 0.95, 1, 0.0004, 0, 1);
    double[][] moved = map(truth, FACE);
    for (double[] m : moved) {
      m[0] += random.nextGaussian();
      m[1] += random.nextGaussian();
    }
    double rms = Homography.estimate(FACE, moved).rmsError(FACE, moved);
    // Eight parameters from ten coordinates absorb most of 1 px noise; never more than the noise.
    assertThat(rms).isGreaterThan(0).isLessThan(1.5);
  }

  @Test
  void refusesTooFewOrEqualPoints() {
    assertThatThrownBy(() -> Homography.estimate(new double[3][2], new double[3][2]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Homography.estimate(new double[5][2], new double[5][2]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static double[][] map(Homography h, double[][] pts) {
    double[][] out = new double[pts.length][];
    for (int i = 0; i < pts.length; i++) {
      out[i] = h.apply(pts[i][0], pts[i][1]);
    }
    return out;
  }
}
