package dev.facegate.models.training.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * Triplet loss with batch-hard mining (Hermans, Beyer and Leibe 2017, "In Defense of the Triplet
 * Loss").
 *
 * <p>Every sample of the batch is an anchor {@code a}; its hardest positive is the farthest sample
 * with the same label, its hardest negative the nearest with another label. With {@code d} the
 * Euclidean distance and margin {@code m}:
 *
 * <pre>
 *   L = 1/|A| * sum over a in A of  max(0, m + max_{p: y_p = y_a, p != a} d(a, p)
 *                                          - min_{n: y_n != y_a} d(a, n))
 * </pre>
 *
 * where {@code A} is the set of anchors that have at least one positive and one negative in the
 * batch (the loss is 0 when there is none). Batches should therefore hold several samples of each
 * of several people ("P x K" sampling). The gradient reaches only the selected hardest pairs.
 */
public class TripletLoss extends Loss {

  /** Added to the distances of non-negatives so that they never win the minimum. */
  private static final double NOT_A_NEGATIVE = 1e6;

  private final double margin;

  /** Creates the loss with margin 0.2 (FaceNet's, for L2-normalised embeddings). */
  public TripletLoss() {
    this(0.2);
  }

  /**
   * Creates the loss.
   *
   * @param margin how much nearer the hardest positive must be than the hardest negative; positive
   */
  public TripletLoss(double margin) {
    super("TripletLoss");
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
    NDArray d = PairGeometry.distances(PairGeometry.squaredDistances(x));
    NDArray same = PairGeometry.sameLabel(labels.head(), x);
    NDArray positive = same.sub(PairGeometry.eye(n, x));
    NDArray negative = same.neg().add(1);
    // Distances are >= 0, so zeroing the non-positives leaves the hardest positive as the maximum.
    NDArray hardestPositive = d.mul(positive).max(new int[] {1});
    NDArray hardestNegative = d.add(negative.neg().add(1).mul(NOT_A_NEGATIVE)).min(new int[] {1});
    NDArray valid =
        positive
            .sum(new int[] {1})
            .gt(0)
            .logicalAnd(negative.sum(new int[] {1}).gt(0))
            .toType(x.getDataType(), false);
    NDArray hinge = hardestPositive.sub(hardestNegative).add(margin).maximum(0).mul(valid);
    return hinge.sum().div(valid.sum().maximum(1));
  }
}
