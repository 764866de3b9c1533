package dev.facegate.models.training.loss;

import ai.djl.ndarray.NDArray;

/** Distances and masks over all pairs of a batch, shared by the pair losses. */
final class PairGeometry {

  /**
   * Added under the square root of a distance. Keeps the gradient finite where two embeddings
   * coincide (the diagonal above all) and shifts a distance of 0.1 by less than 1e-10.
   */
  static final double SQRT_EPSILON = 1e-12;

  private PairGeometry() {}

  /**
   * Returns the squared Euclidean distances {@code (N, N)}. Computed from the differences rather
   * than {@code |a|^2 + |b|^2 - 2ab}: exact (never negative) at the batch sizes trained here.
   */
  static NDArray squaredDistances(NDArray embeddings) {
    NDArray diff = embeddings.expandDims(1).sub(embeddings.expandDims(0));
    return diff.square().sum(new int[] {2});
  }

  /** Returns {@code sqrt(d^2 + SQRT_EPSILON)}: distances with a finite gradient everywhere. */
  static NDArray distances(NDArray squared) {
    return squared.add(SQRT_EPSILON).sqrt();
  }

  /** Returns 1 where the labels of row and column are equal, else 0, in the embeddings' type. */
  static NDArray sameLabel(NDArray labels, NDArray like) {
    NDArray l = labels.toType(like.getDataType(), false).flatten();
    return l.expandDims(1).eq(l.expandDims(0)).toType(like.getDataType(), false);
  }

  /** Returns the identity matrix {@code (N, N)} in the type of {@code like}. */
  static NDArray eye(long n, NDArray like) {
    return like.getManager().eye((int) n).toType(like.getDataType(), false);
  }
}
