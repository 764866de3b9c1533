package dev.facegate.models.pipeline;

import dev.facegate.models.alignment.FaceChip;
import dev.facegate.models.embedding.Embedding;
import dev.facegate.models.geometry.Box;
import dev.facegate.models.geometry.Point;
import dev.facegate.models.quality.FaceQuality;
import java.util.List;
import java.util.Objects;

/**
 * One face of a photo with its quality and embedding.
 *
 * @param box the face box in the photo's coordinates
 * @param score the detector's confidence; {@code NaN} for a fallback crop
 * @param landmarks the 5 landmarks in the photo's coordinates; empty for a fallback crop
 * @param quality size, sharpness and frontalness, measured once by the pipeline on this face's
 *     detection and chip; a fallback crop has frontalness 0 (no landmarks to say it is frontal)
 * @param embedding the unit-length embedding, which carries the model id and version
 * @param detected {@code false} when the face is the centre-crop fallback, not a detection
 * @param chip the aligned chip the embedding and the sharpness were computed from (for previews)
 */
public record EmbeddedFace(
    Box box,
    double score,
    List<Point> landmarks,
    FaceQuality quality,
    Embedding embedding,
    boolean detected,
    FaceChip chip) {

  /**
   * Validates and copies.
   *
   * @param box the face box
   * @param score the detector's confidence
   * @param landmarks the landmarks
   * @param quality the quality figures
   * @param embedding the embedding
   * @param detected whether the face was detected
   * @param chip the aligned chip
   */
  public EmbeddedFace {
    Objects.requireNonNull(box, "box is required");
    Objects.requireNonNull(quality, "quality is required");
    Objects.requireNonNull(embedding, "embedding is required");
    Objects.requireNonNull(chip, "chip is required");
    landmarks = List.copyOf(landmarks);
  }
}
