package dev.facegate.models.detection;

import dev.facegate.models.geometry.Box;
import dev.facegate.models.geometry.Point;
import java.util.List;
import java.util.Objects;

/**
 * One detected face, in the coordinates of the image it was found in.
 *
 * @param box the face box (not clipped to the image: a face cut by the border extends past it)
 * @param score O-Net's face probability, in [0, 1]
 * @param landmarks the five landmarks in {@link Landmark} order
 */
public record FaceDetection(Box box, float score, List<Point> landmarks) {

  /** Validates and copies the landmarks. */
  public FaceDetection {
    Objects.requireNonNull(box, "box is required");
    landmarks = List.copyOf(landmarks);
    if (landmarks.size() != Landmark.values().length) {
      throw new IllegalArgumentException("expected 5 landmarks, got " + landmarks.size());
    }
  }

  /** Returns one landmark. */
  public Point landmark(Landmark which) {
    return landmarks.get(which.ordinal());
  }
}
