package dev.facegate.models.pipeline;

import dev.facegate.models.detection.FaceDetection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the pipeline made of one photo.
 *
 * @param status the outcome
 * @param width the photo width (0 when undecodable)
 * @param height the photo height (0 when undecodable)
 * @param detections every face the detector found (box, score, landmarks, in the photo's
 *     coordinates), in the detector's order: highest score first, equal scores by box position.
 *     Filled for {@link Status#FACES} and {@link Status#TOO_MANY_FACES}, empty otherwise
 * @param faces the embedded faces, in the order of {@code detections}; one per detection for {@link
 *     Status#FACES}, the centre crop for {@link Status#FALLBACK}, empty otherwise
 * @param message why there is no embedded detected face, or {@code null}
 */
public record PhotoResult(
    Status status,
    int width,
    int height,
    List<FaceDetection> detections,
    List<EmbeddedFace> faces,
    String message) {

  /** The outcome of processing a photo. */
  public enum Status {
    /** At least one face was detected, and every detected face was embedded. */
    FACES,
    /**
     * More faces were detected than the pipeline embeds ({@link
     * FacePipeline.Builder#optMaxFacesToEmbed}): {@code detections} holds them all, none was
     * aligned or embedded.
     */
    TOO_MANY_FACES,
    /** The photo decoded but the detector found no face. */
    NO_FACE,
    /** No face was detected; the centre crop was embedded instead (when enabled). */
    FALLBACK,
    /** The bytes are not an acceptable image (corrupt, unsupported, too large, unreadable). */
    UNDECODABLE
  }

  /**
   * Validates and copies.
   *
   * @param status the outcome
   * @param width the width
   * @param height the height
   * @param detections the detections
   * @param faces the faces
   * @param message the explanation
   */
  public PhotoResult {
    Objects.requireNonNull(status, "status is required");
    detections = List.copyOf(detections);
    faces = List.copyOf(faces);
  }

  /**
   * The number of faces the detector found, embedded or not.
   *
   * @return the size of {@code detections}
   */
  public int faceCount() {
    return detections.size();
  }

  /**
   * The embedded face with the largest box, the one a verification pair means.
   *
   * @return the largest face, or empty (always for {@link Status#TOO_MANY_FACES})
   */
  public Optional<EmbeddedFace> largestFace() {
    return faces.stream().max(Comparator.comparingDouble(f -> f.box().area()));
  }
}
