package dev.facegate.recognition.boundary;

import static java.util.Objects.requireNonNull;

import dev.facegate.domain.access.DoorRule.Standing;
import dev.facegate.domain.people.Employee;
import dev.facegate.domain.recognition.Decision;
import dev.facegate.domain.recognition.Outcome;
import dev.facegate.models.geometry.Box;
import dev.facegate.models.geometry.Point;
import java.util.List;
import java.util.Optional;

/**
 * Who is in a frame, as far as the gallery can tell; records nothing.
 *
 * @param decision the open-set decision (MATCH, UNKNOWN, NO_FACE, MULTIPLE_FACES)
 * @param person the matched person, when the decision is a MATCH and the person still exists
 * @param duplicateWindowSeconds the installation's duplicate window, read with the thresholds
 * @param modelVersion the embedding model the frame was searched with
 * @param face where the one face searched is in the frame (box and five landmarks, in pixels of the
 *     upright frame); empty without exactly one face
 * @param frameWidth the upright frame's width in pixels
 * @param frameHeight the upright frame's height in pixels
 * @param probe the one face's embedding, for comparing frames of one attempt with each other (the
 *     liveness checks' identity rule); empty without exactly one face. Never shown or stored.
 */
public record Identification(
    Decision decision,
    Optional<Employee> person,
    int duplicateWindowSeconds,
    String modelVersion,
    Optional<FaceInFrame> face,
    int frameWidth,
    int frameHeight,
    Optional<Probe> probe) {

  /**
   * A face's embedding, kept inside the server: it only answers how alike two faces are.
   *
   * @param vector the L2-normalised embedding
   */
  public record Probe(float[] vector) {

    public Probe {
      vector = vector.clone();
    }

    /** The cosine similarity to another probe of the same model. */
    public double similarity(Probe other) {
      if (other.vector.length != vector.length) {
        throw new IllegalArgumentException("probes of different models cannot be compared");
      }
      double dot = 0;
      double a = 0;
      double b = 0;
      for (int i = 0; i < vector.length; i++) {
        dot += (double) vector[i] * other.vector[i];
        a += (double) vector[i] * vector[i];
        b += (double) other.vector[i] * other.vector[i];
      }
      return a == 0 || b == 0 ? 0 : dot / Math.sqrt(a * b);
    }

    /** Biometric data stays out of logs and messages. */
    @Override
    public String toString() {
      return "Probe[" + vector.length + " dimensions]";
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Probe p && java.util.Arrays.equals(vector, p.vector);
    }

    @Override
    public int hashCode() {
      return java.util.Arrays.hashCode(vector);
    }
  }

  /**
   * The geometry of a detected face, never its embedding, in pixels of the upright frame.
   *
   * @param x left edge of the face box
   * @param y top edge of the face box
   * @param width the box's width
   * @param height the box's height
   * @param landmarks eyes, nose, mouth corners
   */
  public record FaceInFrame(
      double x, double y, double width, double height, List<Landmark> landmarks) {

    public FaceInFrame {
      landmarks = List.copyOf(landmarks);
    }

    /** One landmark point. */
    public record Landmark(double x, double y) {}

    /** From the detector's box and points. */
    public static FaceInFrame of(Box box, List<Point> points) {
      return new FaceInFrame(
          box.x1(),
          box.y1(),
          box.x2() - box.x1(),
          box.y2() - box.y1(),
          points.stream().map(p -> new Landmark(p.x(), p.y())).toList());
    }
  }

  public Identification {
    requireNonNull(decision, "decision is required");
    requireNonNull(person, "person is required");
    requireNonNull(modelVersion, "modelVersion is required");
    requireNonNull(face, "face is required (empty if none)");
    requireNonNull(probe, "probe is required (empty if none)");
  }

  public boolean isMatch() {
    return decision.outcome() == Outcome.MATCH;
  }

  /** The matched person's standing for {@code DoorRule}; ERASED when the match has no person. */
  public Standing standing() {
    return person
        .map(p -> p.isActive() ? Standing.ACTIVE : Standing.INACTIVE)
        .orElse(Standing.ERASED);
  }
}
