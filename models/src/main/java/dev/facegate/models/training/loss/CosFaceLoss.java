package dev.facegate.models.training.loss;

import ai.djl.ndarray.NDArray;

/**
 * CosFace / large margin cosine loss (Wang et al. 2018): an additive cosine margin.
 *
 * <pre>
 *   psi(cos theta) = cos theta - m
 * </pre>
 *
 * in the {@link MarginSoftmaxLoss} form, with the paper's defaults {@code s = 30}, {@code m =
 * 0.35}.
 */
public class CosFaceLoss extends MarginSoftmaxLoss {

  private final double margin;

  /** Creates the loss with {@code s = 30}, {@code m = 0.35}. */
  public CosFaceLoss() {
    this(30, 0.35);
  }

  /**
   * Creates the loss.
   *
   * @param scale {@code s}
   * @param margin {@code m}, subtracted from the true class's cosine; at least 0
   */
  public CosFaceLoss(double scale, double margin) {
    super("CosFaceLoss", scale);
    if (!(margin >= 0)) {
      throw new IllegalArgumentException("margin must be at least 0: " + margin);
    }
    this.margin = margin;
  }

  @Override
  protected NDArray target(NDArray cosine) {
    return cosine.sub(margin);
  }
}
