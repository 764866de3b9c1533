package dev.facegate.models.training.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.loss.Loss;

/**
 * The common form of the margin softmax losses: softmax cross-entropy over scaled cosines in which
 * the true class's cosine is replaced by a harder target {@code psi(cos theta_y)}.
 *
 * <p>With {@code cos theta_j} the cosine between the normalised embedding and the normalised weight
 * of class {@code j} (see {@link dev.facegate.models.training.CosineClassifier}) and scale {@code
 * s}:
 *
 * <pre>
 *   L = -1/N * sum_i log( exp(s * psi(cos theta_{y_i}))
 *                         / (exp(s * psi(cos theta_{y_i})) + sum_{j != y_i} exp(s * cos theta_j)) )
 * </pre>
 *
 * Subclasses define {@code psi}: it is never larger than {@code cos theta}, so the true class has
 * to win by a margin. {@code psi} is evaluated on the true class's cosine only.
 */
public abstract class MarginSoftmaxLoss extends Loss {

  /** Cosines are clipped into {@code [-1 + CLIP, 1 - CLIP]} where a square root or arc needs it. */
  static final double CLIP = 1e-7;

  private final double scale;

  /**
   * Creates the loss.
   *
   * @param name the loss name
   * @param scale {@code s}, the inverse temperature of the softmax; positive
   */
  protected MarginSoftmaxLoss(String name, double scale) {
    super(name);
    if (!(scale > 0)) {
      throw new IllegalArgumentException("scale must be positive: " + scale);
    }
    this.scale = scale;
  }

  /** Returns the scale {@code s}. */
  public double getScale() {
    return scale;
  }

  /**
   * Returns the target logit {@code psi(cos theta)} for the true classes' cosines.
   *
   * @param cosine {@code (N, 1)}, in {@code [-1, 1]}
   * @return {@code (N, 1)}, at most {@code cosine}
   */
  protected abstract NDArray target(NDArray cosine);

  @Override
  public NDArray evaluate(NDList labels, NDList predictions) {
    NDArray cos = predictions.head();
    int classes = (int) cos.getShape().get(1);
    NDArray oneHot =
        labels
            .head()
            .toType(DataType.INT32, false)
            .flatten()
            .oneHot(classes)
            .toType(cos.getDataType(), false);
    NDArray trueCos = cos.mul(oneHot).sum(new int[] {1}, true);
    NDArray logits = cos.add(oneHot.mul(target(trueCos).sub(trueCos))).mul(scale);
    return logits.logSoftmax(1).mul(oneHot).sum(new int[] {1}).mean().neg();
  }
}
