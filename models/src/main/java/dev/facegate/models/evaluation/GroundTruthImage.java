package dev.facegate.models.evaluation;

import dev.facegate.models.geometry.Box;
import dev.facegate.models.geometry.Point;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The labelled faces of one image.
 *
 * @param image the image file
 * @param faces the labelled faces
 */
public record GroundTruthImage(Path image, List<Face> faces) {

  /** Validates and copies. */
  public GroundTruthImage {
    Objects.requireNonNull(image, "image is required");
    faces = List.copyOf(faces);
  }

  /**
   * One labelled face.
   *
   * @param box the face box
   * @param ignored whether the label says not to count it (dlib {@code ignore='1'}, WIDER FACE
   *     {@code invalid = 1}); detections matching it are neither right nor wrong
   * @param landmarks the five MTCNN landmarks (left eye, right eye, nose, left and right mouth
   *     corner) when the annotation has them, else empty
   */
  public record Face(Box box, boolean ignored, List<Point> landmarks) {

    /** Validates and copies. */
    public Face {
      Objects.requireNonNull(box, "box is required");
      landmarks = List.copyOf(landmarks);
      if (!landmarks.isEmpty() && landmarks.size() != 5) {
        throw new IllegalArgumentException("five landmarks or none: " + landmarks.size());
      }
    }

    /** A face without landmarks. */
    public Face(Box box, boolean ignored) {
      this(box, ignored, List.of());
    }
  }
}
