package dev.facegate.index.entity;

import java.util.Map;

/**
 * One face template as the index stores it: the vector, who it belongs to, the model that made it
 * and tags to filter on. The vector is checked and copied on construction.
 *
 * @param templateId id of the template in the database; the document id
 * @param personId id of the person the template belongs to
 * @param model the embedding model that produced {@code vector}
 * @param vector the embedding; any non-zero length, cosine similarity ignores it
 * @param tags filterable labels such as {@code site} and {@code department}
 */
public record IndexedFace(
    String templateId, String personId, FaceModel model, float[] vector, Map<String, String> tags) {

  public IndexedFace {
    Tags.requireId(templateId, "template id");
    Tags.requireId(personId, "person id");
    if (model == null) {
      throw new InvalidFaceException("model is required");
    }
    vector = FaceVectors.checkedCopy(vector, model);
    tags = Tags.checkedCopy(tags);
  }

  /** The vector; a copy, so the face stays immutable. */
  @Override
  public float[] vector() {
    return vector.clone();
  }
}
