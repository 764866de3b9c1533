package dev.facegate.models.evaluation;

import dev.facegate.models.embedding.Embedding;

/**
 * What the pipeline made of one image of a pair list.
 *
 * @param embedding the embedding of the chosen face, or {@code null} when there is none
 * @param faceDetected whether the detector found a face (false for a fallback crop)
 * @param problem why there is no detected face ({@code "no face"}, {@code "undecodable: ..."}), or
 *     {@code null}
 */
public record ImageEmbedding(Embedding embedding, boolean faceDetected, String problem) {

  /**
   * An image where a face was found and embedded.
   *
   * @param embedding the embedding
   * @return the result
   */
  public static ImageEmbedding detected(Embedding embedding) {
    return new ImageEmbedding(embedding, true, null);
  }

  /**
   * An image where no face was found but a fallback crop was embedded.
   *
   * @param embedding the fallback embedding
   * @param problem why the fallback was used
   * @return the result
   */
  public static ImageEmbedding fallback(Embedding embedding, String problem) {
    return new ImageEmbedding(embedding, false, problem);
  }

  /**
   * An image without an embedding.
   *
   * @param problem why
   * @return the result
   */
  public static ImageEmbedding missing(String problem) {
    return new ImageEmbedding(null, false, problem);
  }
}
