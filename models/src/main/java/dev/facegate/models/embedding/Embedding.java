package dev.facegate.models.embedding;

import java.util.Arrays;
import java.util.Objects;

/**
 * A face descriptor with the identity of the model that produced it. Descriptors of different
 * models (or versions) are not comparable; {@link #requireComparable(Embedding)} guards that.
 * Immutable: the vector is copied in and out.
 */
public final class Embedding {

  private final float[] vector;
  private final String modelId;
  private final String modelVersion;

  /**
   * Creates an embedding.
   *
   * @param vector the descriptor values
   * @param modelId the model that produced it, e.g. {@code dlib_face_recognition_resnet_model_v1}
   * @param modelVersion the version of its weights
   */
  public Embedding(float[] vector, String modelId, String modelVersion) {
    Objects.requireNonNull(vector, "vector is required");
    this.modelId = Objects.requireNonNull(modelId, "model id is required");
    this.modelVersion = Objects.requireNonNull(modelVersion, "model version is required");
    if (vector.length == 0) {
      throw new IllegalArgumentException("vector must not be empty");
    }
    this.vector = vector.clone();
  }

  /**
   * Creates an L2-normalised embedding from a raw network output.
   *
   * @param raw the raw descriptor
   * @param modelId the model id
   * @param modelVersion the model version
   * @return the unit-length embedding
   */
  public static Embedding normalised(float[] raw, String modelId, String modelVersion) {
    double sum = 0;
    for (float v : raw) {
      sum += (double) v * v;
    }
    if (!(sum > 0) || !Double.isFinite(sum)) {
      throw new IllegalArgumentException("descriptor has no direction (zero or non-finite norm)");
    }
    double inv = 1 / Math.sqrt(sum);
    float[] unit = new float[raw.length];
    for (int i = 0; i < raw.length; i++) {
      unit[i] = (float) (raw[i] * inv);
    }
    return new Embedding(unit, modelId, modelVersion);
  }

  /**
   * Returns a copy of the values.
   *
   * @return the descriptor
   */
  public float[] vector() {
    return vector.clone();
  }

  /**
   * Returns the length of the descriptor.
   *
   * @return the dimension
   */
  public int dimension() {
    return vector.length;
  }

  /**
   * Returns the model id.
   *
   * @return the id of the network that produced this embedding
   */
  public String modelId() {
    return modelId;
  }

  /**
   * Returns the model version.
   *
   * @return the version of the weights that produced this embedding
   */
  public String modelVersion() {
    return modelVersion;
  }

  /**
   * Reads one value without copying the vector.
   *
   * @param i index
   * @return the value
   */
  public float get(int i) {
    return vector[i];
  }

  /**
   * Fails unless {@code other} comes from the same model and version and has the same dimension.
   *
   * @param other another embedding
   */
  public void requireComparable(Embedding other) {
    Objects.requireNonNull(other, "other embedding is required");
    if (!modelId.equals(other.modelId)
        || !modelVersion.equals(other.modelVersion)
        || vector.length != other.vector.length) {
      throw new IllegalArgumentException(
          "embeddings of different models cannot be compared: "
              + modelId
              + "@"
              + modelVersion
              + " vs "
              + other.modelId
              + "@"
              + other.modelVersion);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Embedding e
        && modelId.equals(e.modelId)
        && modelVersion.equals(e.modelVersion)
        && Arrays.equals(vector, e.vector);
  }

  @Override
  public int hashCode() {
    return Objects.hash(modelId, modelVersion, Arrays.hashCode(vector));
  }

  @Override
  public String toString() {
    return "Embedding[" + modelId + "@" + modelVersion + ", dim=" + vector.length + "]";
  }
}
