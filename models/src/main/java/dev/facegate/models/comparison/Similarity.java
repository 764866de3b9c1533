package dev.facegate.models.comparison;

import dev.facegate.models.embedding.Embedding;

/** Similarity measures between embeddings and conversions between their thresholds. */
public final class Similarity {

  private Similarity() {}

  /**
   * Cosine similarity; for unit-length embeddings this is the dot product.
   *
   * @param a one embedding
   * @param b another embedding of the same model
   * @return the cosine of the angle between them, in {@code [-1, 1]}
   */
  public static double cosine(Embedding a, Embedding b) {
    a.requireComparable(b);
    return cosine(a.vector(), b.vector());
  }

  /**
   * Cosine similarity of two raw vectors of the same model (stored templates), computed exactly as
   * for {@link Embedding}s, so a calibration on stored templates and a live comparison agree.
   *
   * @param a one vector
   * @param b another vector of the same length
   * @return the cosine of the angle between them, in {@code [-1, 1]}
   */
  public static double cosine(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException(
          "vectors of different lengths: " + a.length + " and " + b.length);
    }
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      double x = a[i];
      double y = b[i];
      dot += x * y;
      na += x * x;
      nb += y * y;
    }
    return dot / Math.sqrt(na * nb);
  }

  /**
   * Euclidean (L2) distance.
   *
   * @param a one embedding
   * @param b another embedding of the same model
   * @return the distance, {@code >= 0}
   */
  public static double euclidean(Embedding a, Embedding b) {
    a.requireComparable(b);
    double sum = 0;
    for (int i = 0; i < a.dimension(); i++) {
      double d = (double) a.get(i) - b.get(i);
      sum += d * d;
    }
    return Math.sqrt(sum);
  }

  /**
   * The Euclidean distance between unit vectors whose cosine similarity is {@code cosine}.
   *
   * @param cosine a cosine similarity
   * @return {@code sqrt(2 - 2 cosine)}
   */
  public static double distanceForCosine(double cosine) {
    return Math.sqrt(Math.max(0, 2 - 2 * cosine));
  }

  /**
   * The cosine similarity between unit vectors at Euclidean distance {@code distance}.
   *
   * @param distance an L2 distance
   * @return {@code 1 - distance^2 / 2}
   */
  public static double cosineForDistance(double distance) {
    return 1 - distance * distance / 2;
  }
}
