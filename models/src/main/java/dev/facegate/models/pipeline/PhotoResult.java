package dev.facegate.models.pipeline;

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
 * @param faces one entry per face, highest detector score first; empty unless {@link Status#FACES}
 *     or {@link Status#FALLBACK}
 * @param message why there is no detected face, or {@code null}
 */
public record PhotoResult(
    Status status, int width, int height, List<EmbeddedFace> faces, String message) {

  /** The outcome of processing a photo. */
  public enum Status {
    /** At least one face was detected and embedded. */
    FACES,
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
   * @param faces the faces
   * @param message the explanation
   */
  public PhotoResult {
    Objects.requireNonNull(status, "status is required");
    faces = List.copyOf(faces);
  }

  /**
   * The face with the largest box, the one a verification pair means.
   *
   * @return the largest face, or empty
   */
  public Optional<EmbeddedFace> largestFace() {
    return faces.stream().max(Comparator.comparingDouble(f -> f.box().area()));
  }
}
