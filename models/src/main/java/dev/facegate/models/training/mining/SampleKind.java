package dev.facegate.models.training.mining;

import java.util.Optional;

/**
 * The classes of MTCNN training samples and the IoU bands that define them.
 *
 * <p>A crop's IoU with the nearest true face decides: below {@value #NEGATIVE_BELOW} it is a
 * negative, from {@value #PART_FROM} to below {@value #POSITIVE_FROM} a part face, from {@value
 * #POSITIVE_FROM} a positive. Crops in the gap {@code [0.3, 0.4)} are ambiguous and are not used.
 * Landmark samples are positives of a face with landmark annotations, used to train the landmark
 * head.
 */
public enum SampleKind {
  /** No face: trains the face classifier towards 0. */
  NEGATIVE,
  /** A face: trains the classifier towards 1 and the box regression. */
  POSITIVE,
  /** Part of a face: trains only the box regression. */
  PART,
  /** A face with landmarks: trains the landmark regression. */
  LANDMARK;

  /** Largest IoU (exclusive) of a negative. */
  public static final double NEGATIVE_BELOW = 0.3;

  /** Smallest IoU of a part face. */
  public static final double PART_FROM = 0.4;

  /** Smallest IoU of a positive (and of a landmark sample). */
  public static final double POSITIVE_FROM = 0.65;

  /**
   * Returns the class of a crop by its IoU with the nearest true face; empty in the ambiguous gap.
   *
   * @param iou in [0, 1]
   * @return {@link #NEGATIVE}, {@link #PART} or {@link #POSITIVE}, or empty
   */
  public static Optional<SampleKind> ofIou(double iou) {
    if (iou < NEGATIVE_BELOW) {
      return Optional.of(NEGATIVE);
    }
    if (iou >= POSITIVE_FROM) {
      return Optional.of(POSITIVE);
    }
    if (iou >= PART_FROM) {
      return Optional.of(PART);
    }
    return Optional.empty();
  }
}
