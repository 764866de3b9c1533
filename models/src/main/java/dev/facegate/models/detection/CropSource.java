package dev.facegate.models.detection;

import dev.facegate.models.detection.Resampler.BytePixels;
import dev.facegate.models.geometry.Box;
import dev.facegate.models.image.RgbImage;
import java.util.List;

/**
 * Where R-Net's and O-Net's crops of one image come from: the image's pixels, or its {@link
 * IntegralImage} when the crops together cover more pixels than the image has (building the table
 * then costs less than reading every crop's region). Both give the same area averages; enlarging
 * crops (regions smaller than the network's input) always come from the pixels. Read-only once
 * made, so the two threads of a split detection share one.
 */
final class CropSource {

  private final BytePixels pixels;
  private final int width;
  private final int height;
  private final IntegralImage integral;

  private CropSource(BytePixels pixels, int width, int height, IntegralImage integral) {
    this.pixels = pixels;
    this.width = width;
    this.height = height;
    this.integral = integral;
  }

  /**
   * The source for cropping {@code boxes} (and the fewer boxes of later stages) from an image.
   *
   * @param integralAllowed {@code false} to always read the pixels (the original cascade, kept to
   *     compare with)
   */
  static CropSource of(RgbImage image, List<Box> boxes, boolean integralAllowed) {
    int w = image.width();
    int h = image.height();
    long pixels = (long) w * h;
    double covered = 0;
    for (Box b : boxes) {
      double bw = Math.max(0, Math.min(w, b.x2()) - Math.max(0, b.x1()));
      double bh = Math.max(0, Math.min(h, b.y2()) - Math.max(0, b.y1()));
      covered += bw * bh;
    }
    IntegralImage integral =
        integralAllowed && pixels <= IntegralImage.MAX_PIXELS && covered >= pixels
            ? IntegralImage.of(image.pixels(), w, h)
            : null;
    return new CropSource(new BytePixels(image.pixels()), w, h, integral);
  }

  /** Whether crops are read off the integral image (for tests and benchmarks). */
  boolean integral() {
    return integral != null;
  }

  /**
   * Resizes the region {@code (rx, ry, rw, rh)} of the image, zero outside it, to {@code size} x
   * {@code size} pixels in {@code dst} (HWC).
   */
  void crop(int rx, int ry, int rw, int rh, float[] dst, int size) {
    if (integral != null && rw > size && rh > size) {
      integral.shrink(rx, ry, rw, rh, dst, size, size);
    } else {
      Resampler.resize(pixels, width, height, rx, ry, rw, rh, dst, size, size);
    }
  }
}
