package dev.facegate.models.training.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.loss.Loss;

/**
 * Center loss (Wen, Zhang, Li and Qiao 2016) with learnable class centres.
 *
 * <p>For embeddings {@code x_i} with labels {@code y_i} and one centre {@code c_k} per class:
 *
 * <pre>
 *   L = 1/N * sum_i |x_i - c_{y_i}|^2 / 2
 * </pre>
 *
 * It only pulls each class together, so it is trained together with a softmax loss that keeps the
 * classes apart: {@code L_softmax + lambda * L_center} (the paper's lambda is about 0.003-0.1).
 *
 * <p>The centres are an array of this loss with its gradient attached: a backward pass through
 * {@link #evaluate} fills {@code getCentres().getGradient()} with {@code dL/dc_k = -1/N * sum_{i:
 * y_i = k} (x_i - c_k)}, and the training loop steps them with its optimiser like any other
 * parameter (the paper's own update divides by the class count instead of N; with an adaptive
 * optimiser the difference is a per-class rate).
 */
public class CenterLoss extends Loss {

  private final NDArray centres;

  /**
   * Creates the loss with all centres at the origin.
   *
   * @param manager where the centres live (the trainer's manager, on its device)
   * @param classes the number of classes
   * @param dimension the embedding dimension
   */
  public CenterLoss(NDManager manager, int classes, int dimension) {
    this(manager.zeros(new Shape(classes, dimension), DataType.FLOAT32));
  }

  /**
   * Creates the loss with the given starting centres.
   *
   * @param centres {@code (C, D)}; the loss attaches a gradient to it and owns it from now on
   */
  public CenterLoss(NDArray centres) {
    super("CenterLoss");
    if (centres.getShape().dimension() != 2) {
      throw new IllegalArgumentException("centres must be (classes, dimension): " + centres);
    }
    this.centres = centres;
    centres.setRequiresGradient(true);
  }

  /** Returns the centres {@code (C, D)}, with their gradient after a backward pass. */
  public NDArray getCentres() {
    return centres;
  }

  @Override
  public NDArray evaluate(NDList labels, NDList predictions) {
    NDArray x = predictions.head();
    int classes = (int) centres.getShape().get(0);
    // One-hot rows times the centre matrix picks c_{y_i} and keeps the gradient to the centres.
    NDArray oneHot =
        labels.head().toType(DataType.INT32, false).oneHot(classes).toType(x.getDataType(), false);
    NDArray own = oneHot.matMul(centres.toType(x.getDataType(), false));
    return x.sub(own).square().sum(new int[] {1}).mean().div(2);
  }
}
