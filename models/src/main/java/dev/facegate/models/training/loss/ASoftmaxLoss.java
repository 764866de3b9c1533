package dev.facegate.models.training.loss;

import ai.djl.ndarray.NDArray;

/**
 * A-Softmax, SphereFace's multiplicative angular margin (Liu et al. 2017).
 *
 * <pre>
 *   psi(theta) = (-1)^k cos(m theta) - 2k,   theta in [k pi / m, (k + 1) pi / m],  k = 0 .. m-1
 * </pre>
 *
 * a monotonically decreasing extension of {@code cos(m theta)} over {@code [0, pi]}. {@code cos(m
 * theta)} is computed from {@code cos theta} by the Chebyshev polynomial {@code T_m}, which is
 * differentiable everywhere; {@code k} is a piecewise constant and carries no gradient. As in
 * SphereFace's training, the target is softened by {@code lambda}:
 *
 * <pre>
 *   target = (lambda * cos theta + psi(theta)) / (1 + lambda)
 * </pre>
 *
 * ({@code lambda = 0}: the full margin; SphereFace anneals it from about 1000 down to about 5).
 * SphereFace scales logits by the feature norm {@code |x|}; this class uses the {@link
 * MarginSoftmaxLoss} form with a fixed scale {@code s} on normalised features instead (as the later
 * normalised variants do), so that all margin losses here share one classifier block.
 */
public class ASoftmaxLoss extends MarginSoftmaxLoss {

  private final int m;
  private final double lambda;

  /** Creates the loss with {@code m = 4}, {@code s = 30}, {@code lambda = 5}. */
  public ASoftmaxLoss() {
    this(30, 4, 5);
  }

  /**
   * Creates the loss.
   *
   * @param scale {@code s}
   * @param m the integer angular margin, 1 to 4 (1 = plain normalised softmax)
   * @param lambda the softening, at least 0 (0 = full margin)
   */
  public ASoftmaxLoss(double scale, int m, double lambda) {
    super("ASoftmaxLoss", scale);
    if (m < 1 || m > 4) {
      throw new IllegalArgumentException("m must be 1 to 4: " + m);
    }
    if (!(lambda >= 0)) {
      throw new IllegalArgumentException("lambda must be at least 0: " + lambda);
    }
    this.m = m;
    this.lambda = lambda;
  }

  @Override
  protected NDArray target(NDArray cosine) {
    NDArray c = cosine.clip(-1, 1);
    NDArray cosMTheta = chebyshev(c, m);
    // k = floor(m * theta / pi), from values only: the branch is chosen, not differentiated.
    NDArray k = c.stopGradient().acos().mul(m / Math.PI).floor().minimum(m - 1);
    // (-1)^k = 1 - 2 * (k mod 2)
    NDArray sign = k.sub(k.div(2).floor().mul(2)).mul(-2).add(1);
    NDArray psi = sign.mul(cosMTheta).sub(k.mul(2));
    return psi.add(c.mul(lambda)).div(1 + lambda);
  }

  /** Returns {@code T_m(c) = cos(m * acos(c))}. */
  private static NDArray chebyshev(NDArray c, int m) {
    return switch (m) {
      case 1 -> c;
      case 2 -> c.square().mul(2).sub(1);
      case 3 -> c.pow(3).mul(4).sub(c.mul(3));
      case 4 -> c.pow(4).mul(8).sub(c.square().mul(8)).add(1);
      default -> throw new IllegalStateException("m " + m);
    };
  }
}
