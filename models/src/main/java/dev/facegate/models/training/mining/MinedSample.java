package dev.facegate.models.training.mining;

import dev.facegate.models.geometry.Box;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One training sample: a square crop of a photo, its class and its targets.
 *
 * @param image the photo
 * @param crop the square crop, inside the photo
 * @param kind the class
 * @param iou the crop's IoU with the nearest true face
 * @param boxTarget {@code [dx1, dy1, dx2, dy2]} ({@link RegressionTargets#box}) to the nearest
 *     face; zeros for negatives
 * @param landmarkTarget ten values ({@link RegressionTargets#landmarks}) for landmark samples, else
 *     an empty array
 */
public record MinedSample(
    Path image, Box crop, SampleKind kind, double iou, float[] boxTarget, float[] landmarkTarget) {

  /** Validates. */
  public MinedSample {
    Objects.requireNonNull(image, "image is required");
    Objects.requireNonNull(crop, "crop is required");
    Objects.requireNonNull(kind, "kind is required");
    if (boxTarget.length != 4) {
      throw new IllegalArgumentException("four box targets expected");
    }
    if (landmarkTarget.length != (kind == SampleKind.LANDMARK ? 10 : 0)) {
      throw new IllegalArgumentException("ten landmark targets for landmark samples only");
    }
  }
}
