package dev.facegate.models.training.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * Contrastive loss (Hadsell, Chopra and LeCun 2006) over every pair of a batch.
 *
 * <p>For embeddings {@code x_i} with labels {@code y_i}, distance {@code d_ij = |x_i - x_j|_2} and
 * margin {@code m}:
 *
 * <pre>
 *   L = 1/P * sum over pairs i &lt; j of  [ y_i == y_j ] * d_ij^2 / 2
 *                                      + [ y_i != y_j ] * max(0, m - d_ij)^2 / 2
 * </pre>
 *
 * where {@code P = N (N - 1) / 2}. The Siamese pairs are all pairs of the batch instead of a
 * separate pair list, which gives {@code N^2 / 2} pairs per forward pass for the price of {@code N}
 * embeddings. Same-person pairs are pulled together; different-person pairs are pushed apart until
 * they are {@code m} apart and then left alone.
 */
public class ContrastiveLoss extends Loss {

  private final double margin;

  /** Creates the loss with margin 1 (suits L2-normalised embeddings, whose distances are 0-2). */
  public ContrastiveLoss() {
    this(1.0);
  }

  /**
   * Creates the loss.
   *
   * @param margin the distance beyond which different-person pairs cost nothing; positive
   */
  public ContrastiveLoss(double margin) {
    super("ContrastiveLoss");
    if (!(margin > 0)) {
      throw new IllegalArgumentException("margin must be positive: " + margin);
    }
    this.margin = margin;
  }

  /** Returns the margin. */
  public double getMargin() {
    return margin;
  }

  @Override
  public NDArray evaluate(NDList labels, NDList predictions) {
    NDArray x = predictions.head();
    long n = x.getShape().get(0);
    if (n < 2) {
      throw new IllegalArgumentException("a contrastive batch needs at least two embeddings");
    }
    NDArray d2 = PairGeometry.squaredDistances(x);
    NDArray same = PairGeometry.sameLabel(labels.head(), x);
    NDArray eye = PairGeometry.eye(n, x);
    NDArray different = same.neg().add(1);
    same = same.sub(eye); // a sample is not a pair with itself
    NDArray pull = same.mul(d2);
    NDArray push = different.mul(PairGeometry.distances(d2).neg().add(margin).maximum(0).square());
    // Each unordered pair appears twice in the symmetric matrix: sum / 2, then / P.
    double pairs = n * (n - 1) / 2.0;
    return pull.add(push).sum().div(2).div(2 * pairs);
  }
}
