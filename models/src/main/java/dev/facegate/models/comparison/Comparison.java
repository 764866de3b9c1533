package dev.facegate.models.comparison;

import dev.facegate.models.embedding.Embedding;

/**
 * The outcome of comparing two faces.
 *
 * @param cosine cosine similarity (higher is more alike)
 * @param distance Euclidean distance (lower is more alike)
 * @param threshold the cosine threshold the verdict used
 * @param samePerson whether {@code cosine >= threshold}
 */
public record Comparison(double cosine, double distance, double threshold, boolean samePerson) {

  /**
   * Compares two embeddings at a cosine threshold.
   *
   * @param a one embedding
   * @param b another embedding of the same model
   * @param cosineThreshold the calibrated threshold: same person when the cosine reaches it
   * @return the comparison
   */
  public static Comparison of(Embedding a, Embedding b, double cosineThreshold) {
    double cos = Similarity.cosine(a, b);
    return new Comparison(cos, Similarity.euclidean(a, b), cosineThreshold, cos >= cosineThreshold);
  }
}
