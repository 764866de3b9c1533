package dev.facegate.models.training.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.function.Function;

/**
 * Compares DJL's autograd gradient of a scalar function with a central finite difference, in
 * float64.
 *
 * <p>Why the tolerance holds: with step {@code h = 1e-5} the central difference of a smooth
 * function has a truncation error of order {@code h^2 * f''' ~ 1e-10} and a rounding error of order
 * {@code 1e-16 / h ~ 1e-11} for losses of order 1; 1e-6 leaves a wide margin while any wrong term
 * in a gradient (a missing factor of 2, a wrong sign, a dropped pair) is off by far more than that.
 * The test inputs stay at least 1e-2 away from every kink (hinge, branch, maximum) so the function
 * is smooth within {@code h} of them.
 */
final class GradientCheck {

  static final double STEP = 1e-5;
  static final double TOLERANCE = 1e-6;

  private GradientCheck() {}

  /** Returns the autograd gradient after asserting that it matches the finite differences. */
  static double[] assertGradient(
      NDManager manager, double[] x, Shape shape, Function<NDArray, NDArray> loss) {
    double[] autograd;
    try (NDManager m = manager.newSubManager()) {
      NDArray in = m.create(x, shape);
      in.setRequiresGradient(true);
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray l = loss.apply(in);
        gc.backward(l);
      }
      autograd = in.getGradient().toDoubleArray();
    }
    for (int i = 0; i < x.length; i++) {
      double[] plus = x.clone();
      double[] minus = x.clone();
      plus[i] += STEP;
      minus[i] -= STEP;
      double numeric =
          (value(manager, plus, shape, loss) - value(manager, minus, shape, loss)) / (2 * STEP);
      assertThat(autograd[i]).as("d loss / d x[%d]", i).isCloseTo(numeric, within(TOLERANCE));
    }
    return autograd;
  }

  static double value(NDManager manager, double[] x, Shape shape, Function<NDArray, NDArray> loss) {
    try (NDManager m = manager.newSubManager()) {
      return loss.apply(m.create(x, shape))
          .toType(ai.djl.ndarray.types.DataType.FLOAT64, false)
          .getDouble();
    }
  }
}
