package dev.facegate.models.training.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;

/**
 * ArcFace / additive angular margin loss (Deng et al. 2019).
 *
 * <pre>
 *   psi(cos theta) = cos(theta + m) = cos theta * cos m - sin theta * sin m,
 *   sin theta = sqrt(1 - cos^2 theta)
 * </pre>
 *
 * in the {@link MarginSoftmaxLoss} form, with the paper's defaults {@code s = 64}, {@code m = 0.5}.
 * {@code cos(theta + m)} stops decreasing in {@code theta} once {@code theta + m > pi}, so for
 * large angles the target would get easier again. Two remedies, as in the authors' code:
 *
 * <ul>
 *   <li><b>monotonic fix</b> (default): for {@code theta > pi - m}, i.e. {@code cos theta <= cos(pi
 *       - m)}, use {@code cos theta - m * sin(pi - m)} instead, a CosFace-like penalty that keeps
 *       {@code psi} decreasing and continuous;
 *   <li><b>easy margin</b>: apply the margin only where {@code cos theta > 0} ({@code theta <
 *       pi/2}) and use plain {@code cos theta} elsewhere.
 * </ul>
 */
public class ArcFaceLoss extends MarginSoftmaxLoss {

  private final double margin;
  private final boolean easyMargin;

  /** Creates the loss with {@code s = 64}, {@code m = 0.5} and the monotonic fix. */
  public ArcFaceLoss() {
    this(64, 0.5, false);
  }

  /**
   * Creates the loss.
   *
   * @param scale {@code s}
   * @param margin {@code m}, the angle added to the true class's, in radians, in {@code [0, pi/2)}
   * @param easyMargin use the easy margin instead of the monotonic fix
   */
  public ArcFaceLoss(double scale, double margin, boolean easyMargin) {
    super("ArcFaceLoss", scale);
    if (!(margin >= 0 && margin < Math.PI / 2)) {
      throw new IllegalArgumentException("margin must be in [0, pi/2): " + margin);
    }
    this.margin = margin;
    this.easyMargin = easyMargin;
  }

  /** Returns whether the easy margin is used. */
  public boolean isEasyMargin() {
    return easyMargin;
  }

  @Override
  protected NDArray target(NDArray cosine) {
    NDArray c = cosine.clip(-1 + CLIP, 1 - CLIP);
    NDArray sin = c.square().neg().add(1).sqrt();
    NDArray shifted = c.mul(Math.cos(margin)).sub(sin.mul(Math.sin(margin)));
    if (easyMargin) {
      return NDArrays.where(cosine.gt(0), shifted, cosine);
    }
    double threshold = Math.cos(Math.PI - margin);
    return NDArrays.where(
        cosine.gt(threshold), shifted, cosine.sub(margin * Math.sin(Math.PI - margin)));
  }
}
