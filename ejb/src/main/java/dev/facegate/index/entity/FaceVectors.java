package dev.facegate.index.entity;

/** Checks shared by indexed vectors and query vectors. */
public final class FaceVectors {

  private FaceVectors() {}

  /**
   * Returns a copy of {@code vector} after checking that it can be compared by cosine similarity
   * with vectors of {@code model}: right length, finite components, non-zero norm.
   *
   * @throws InvalidFaceException if it cannot
   */
  public static float[] checkedCopy(float[] vector, FaceModel model) {
    if (vector == null) {
      throw new InvalidFaceException("vector is required");
    }
    if (vector.length != model.dimensions()) {
      throw new InvalidFaceException(
          "vector has "
              + vector.length
              + " dimensions, model "
              + model.key()
              + " has "
              + model.dimensions());
    }
    double squares = 0;
    for (int i = 0; i < vector.length; i++) {
      if (!Float.isFinite(vector[i])) {
        throw new InvalidFaceException("vector component " + i + " is " + vector[i]);
      }
      squares += (double) vector[i] * vector[i];
    }
    // cosine similarity is undefined for a zero vector; Elasticsearch rejects it too
    if (squares == 0 || !Double.isFinite(squares)) {
      throw new InvalidFaceException("vector has no direction (norm " + Math.sqrt(squares) + ")");
    }
    return vector.clone();
  }

  /** Exact cosine similarity of two vectors of equal length. */
  public static double cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += (double) a[i] * b[i];
      na += (double) a[i] * a[i];
      nb += (double) b[i] * b[i];
    }
    return dot / Math.sqrt(na * nb);
  }
}
