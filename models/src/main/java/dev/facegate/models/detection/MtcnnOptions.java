package dev.facegate.models.detection;

/**
 * The cascade's tuning knobs; defaults are those of the original MTCNN.
 *
 * @param minFaceSize the smallest face side searched for, in pixels (the main speed knob)
 * @param scaleFactor ratio between pyramid levels, in (0, 1)
 * @param thresholds face-probability thresholds of P-Net, R-Net and O-Net
 * @param regressedNms IoU threshold of an extra NMS on the regressed candidates before R-Net and
 *     O-Net, or 0 for none (the original cascade)
 */
record MtcnnOptions(int minFaceSize, double scaleFactor, float[] thresholds, double regressedNms) {

  /** NMS threshold inside one pyramid level (IoU). */
  static final double NMS_LEVEL = 0.5;

  /** NMS threshold across pyramid levels and after R-Net (IoU). */
  static final double NMS_MERGE = 0.7;

  /** NMS threshold after O-Net (intersection over the smaller box). */
  static final double NMS_FINAL = 0.7;

  MtcnnOptions {
    if (minFaceSize < 12) {
      throw new IllegalArgumentException("minFaceSize must be at least 12: " + minFaceSize);
    }
    if (!(scaleFactor > 0 && scaleFactor < 1)) {
      throw new IllegalArgumentException("scaleFactor must be in (0, 1): " + scaleFactor);
    }
    if (thresholds.length != 3) {
      throw new IllegalArgumentException("three thresholds needed");
    }
    for (float t : thresholds) {
      if (!(t >= 0 && t <= 1)) {
        throw new IllegalArgumentException("thresholds must be in [0, 1]: " + t);
      }
    }
    if (!(regressedNms >= 0 && regressedNms <= 1)) {
      throw new IllegalArgumentException("regressedNms must be in [0, 1]: " + regressedNms);
    }
    thresholds = thresholds.clone();
  }
}
