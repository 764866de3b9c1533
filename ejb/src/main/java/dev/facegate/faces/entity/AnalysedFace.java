package dev.facegate.faces.entity;

import dev.facegate.models.embedding.Embedding;
import dev.facegate.models.geometry.Box;
import dev.facegate.models.geometry.Point;
import dev.facegate.models.pipeline.EmbeddedFace;
import dev.facegate.models.quality.FaceQuality;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One analysed face as plain values: what the face engine hands to its callers, in the same server
 * or across the wire from an inference node (no DJL type, no native memory, no decoded image).
 *
 * @param box the face box in the photo's coordinates
 * @param score the detector's confidence
 * @param landmarks the 5 landmarks in the photo's coordinates
 * @param quality size, sharpness and frontalness, measured on the detection and the aligned chip
 * @param vector the unit-length embedding
 * @param modelId the embedding model's id
 * @param modelVersion the embedding model's version
 * @param chipPng the aligned chip as PNG when the caller asked for it (enrolment keeps it when the
 *     installation keeps face crops); {@code null} otherwise, so a door frame's face image never
 *     leaves the node that analysed it
 */
public record AnalysedFace(
    Box box,
    double score,
    List<Point> landmarks,
    FaceQuality quality,
    float[] vector,
    String modelId,
    String modelVersion,
    byte[] chipPng)
    implements Serializable {

  public AnalysedFace {
    Objects.requireNonNull(box, "box is required");
    Objects.requireNonNull(quality, "quality is required");
    Objects.requireNonNull(vector, "embedding vector is required");
    Objects.requireNonNull(modelId, "model id is required");
    Objects.requireNonNull(modelVersion, "model version is required");
    landmarks = List.copyOf(landmarks);
    if (vector.length == 0) {
      throw new IllegalArgumentException("embedding vector must not be empty");
    }
  }

  /**
   * The pipeline's face as plain values.
   *
   * @param face the face the pipeline embedded
   * @param withChip whether to keep the aligned chip (as PNG)
   * @return the face
   */
  public static AnalysedFace of(EmbeddedFace face, boolean withChip) {
    Embedding embedding = face.embedding();
    return new AnalysedFace(
        face.box(),
        face.score(),
        face.landmarks(),
        face.quality(),
        embedding.vector(),
        embedding.modelId(),
        embedding.modelVersion(),
        withChip ? face.chip().toPng() : null);
  }

  /** The embedding with its model id and version (a copy: the caller may keep it). */
  public Embedding embedding() {
    return new Embedding(vector, modelId, modelVersion);
  }

  /** The aligned chip as PNG, when the caller asked for it. */
  public Optional<byte[]> chip() {
    return Optional.ofNullable(chipPng);
  }
}
