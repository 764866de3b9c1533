package dev.facegate.index.entity;

import java.util.regex.Pattern;

/**
 * The embedding model that produced a vector. Vectors of different models (or versions of one
 * model) are not comparable, so every indexed document carries its model and the index serves
 * exactly one model at a time; a model change is a re-index.
 *
 * @param id model id, lower case (it becomes part of index and folder names), e.g. {@code
 *     dlib-resnet29}
 * @param version model version, lower case, e.g. {@code 1}
 * @param dimensions length of the model's embedding vectors
 */
public record FaceModel(String id, String version, int dimensions) {

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  /** Largest dimension Elasticsearch indexes for {@code dense_vector}. */
  public static final int MAX_DIMENSIONS = 4096;

  public FaceModel {
    requireName(id, "model id");
    requireName(version, "model version");
    if (dimensions < 1 || dimensions > MAX_DIMENSIONS) {
      throw new InvalidFaceException(
          "model dimensions must be in 1.." + MAX_DIMENSIONS + ", got " + dimensions);
    }
  }

  /** {@code id@version}, the value stored with every document. */
  public String key() {
    return id + "@" + version;
  }

  /** {@code id-vversion}: safe as part of an index or folder name. */
  public String slug() {
    return id + "-v" + version;
  }

  private static void requireName(String value, String what) {
    if (value == null || !NAME.matcher(value).matches()) {
      throw new InvalidFaceException(
          what + " is required and must match " + NAME.pattern() + ", got '" + value + "'");
    }
  }
}
