package dev.facegate.models.quality;

import dev.facegate.models.alignment.FaceChip;
import dev.facegate.models.detection.FaceDetection;
import dev.facegate.models.detection.Landmark;
import dev.facegate.models.geometry.Point;
import java.io.Serializable;

/**
 * Quality figures of one detected, aligned face.
 *
 * @param faceSizePx the side of the detection box (the smaller of width and height), in pixels
 * @param sharpness variance of the 4-neighbour Laplacian of the luma in the central half of the
 *     chip (eyes, nose, mouth): a blurred face has little high-frequency energy (Pech-Pacheco et
 *     al., 2000). The centre only, because a chip that reaches past the photo's border is padded
 *     with black, and that artificial edge would read as sharpness. Comparable only between chips
 *     of the same size, which all chips of one embedding model are.
 * @param frontalness 1 when the nose sits midway between the eyes, towards 0 as the head turns (the
 *     nose moves over one eye)
 */
public record FaceQuality(int faceSizePx, double sharpness, double frontalness)
    implements Serializable {

  /**
   * Measures a face.
   *
   * @param detection the detection (box and the 5 landmarks)
   * @param chip the aligned chip cut from the same detection
   * @return the figures
   */
  public static FaceQuality of(FaceDetection detection, FaceChip chip) {
    int size = (int) Math.round(Math.min(detection.box().width(), detection.box().height()));
    return new FaceQuality(size, sharpness(chip), frontalness(detection));
  }

  /**
   * Variance of the Laplacian of the luma (ITU-R BT.601 weights) over the central half of the chip.
   *
   * @param chip the aligned chip
   * @return the variance, 0 for a flat image
   */
  public static double sharpness(FaceChip chip) {
    int n = chip.size();
    float[] rgb = chip.rgb();
    int plane = n * n;
    double[] luma = new double[plane];
    for (int i = 0; i < plane; i++) {
      luma[i] = 0.299 * rgb[i] + 0.587 * rgb[plane + i] + 0.114 * rgb[2 * plane + i];
    }
    double sum = 0;
    double sumSquares = 0;
    int count = 0;
    int from = Math.max(1, n / 4);
    int to = Math.min(n - 1, n - n / 4);
    for (int y = from; y < to; y++) {
      for (int x = from; x < to; x++) {
        int i = y * n + x;
        double laplacian = luma[i - 1] + luma[i + 1] + luma[i - n] + luma[i + n] - 4 * luma[i];
        sum += laplacian;
        sumSquares += laplacian * laplacian;
        count++;
      }
    }
    if (count == 0) {
      return 0;
    }
    double mean = sum / count;
    return sumSquares / count - mean * mean;
  }

  /**
   * How frontal the face is, from the horizontal distances of the nose tip to the two eyes: equal
   * distances give 1, the nose above one eye gives 0. Roll is removed first by measuring along the
   * eye line.
   *
   * @param detection a detection with its 5 landmarks
   * @return a value in {@code [0, 1]}
   */
  public static double frontalness(FaceDetection detection) {
    Point left = detection.landmark(Landmark.LEFT_EYE);
    Point right = detection.landmark(Landmark.RIGHT_EYE);
    Point nose = detection.landmark(Landmark.NOSE);
    double ex = right.x() - left.x();
    double ey = right.y() - left.y();
    double eyeDistance = Math.hypot(ex, ey);
    if (eyeDistance == 0) {
      return 0;
    }
    // Position of the nose projected on the eye line, 0 at the left eye, 1 at the right eye.
    double t =
        ((nose.x() - left.x()) * ex + (nose.y() - left.y()) * ey) / (eyeDistance * eyeDistance);
    double clamped = Math.max(0, Math.min(1, t));
    return 1 - 2 * Math.abs(clamped - 0.5);
  }
}
