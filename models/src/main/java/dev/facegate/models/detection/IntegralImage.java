package dev.facegate.models.detection;

/**
 * The summed-area table of an 8-bit RGB image: area-averaged crops in time proportional to the
 * crop's output size, whatever the size of the region it covers.
 *
 * <p>R-Net and O-Net see a few hundred crops per frame that together cover the frame many times
 * over (on a 640 x 480 frame with six faces, nine times); shrinking each crop from the pixels reads
 * every pixel of its region, while the table is built in one pass over the image. A crop is then
 * the same area average as {@link Resampler}'s: the integral of the zero-padded image is bilinear
 * within each pixel, so interpolating the table at fractional edges is exact, not an approximation.
 *
 * <p>The sums are {@code int}s, exact as long as the image has at most {@link #MAX_PIXELS} pixels;
 * the table takes 12 bytes per pixel (four times the image).
 */
final class IntegralImage {

  /**
   * The largest image a table is made for: {@code MAX_PIXELS * 255 < 2^31}, so no sum overflows.
   */
  static final long MAX_PIXELS = 1L << 21;

  private final int width;
  private final int height;

  /**
   * {@code sums[3 * (y * (width + 1) + x) + c]}: channel {@code c} summed over the pixels left of
   * column {@code x} and above row {@code y}; row 0 and column 0 are zero.
   */
  private final int[] sums;

  private IntegralImage(int width, int height, int[] sums) {
    this.width = width;
    this.height = height;
    this.sums = sums;
  }

  /**
   * Builds the table of an image.
   *
   * @param rgb HWC, 3 channels, unsigned bytes
   * @throws IllegalArgumentException if the image has more than {@link #MAX_PIXELS} pixels
   */
  static IntegralImage of(byte[] rgb, int width, int height) {
    if ((long) width * height > MAX_PIXELS) {
      throw new IllegalArgumentException(
          "a " + width + " x " + height + " image is too large for an int summed-area table");
    }
    int stride = 3 * (width + 1);
    int[] sums = new int[stride * (height + 1)];
    for (int y = 0; y < height; y++) {
      int above = y * stride;
      int here = above + stride;
      int src = 3 * y * width;
      int r = 0;
      int g = 0;
      int b = 0;
      for (int x = 0; x < width; x++, src += 3) {
        r += rgb[src] & 0xff;
        g += rgb[src + 1] & 0xff;
        b += rgb[src + 2] & 0xff;
        int at = 3 * (x + 1);
        sums[here + at] = sums[above + at] + r;
        sums[here + at + 1] = sums[above + at + 1] + g;
        sums[here + at + 2] = sums[above + at + 2] + b;
      }
    }
    return new IntegralImage(width, height, sums);
  }

  /**
   * Shrinks a region to {@code dst} by area averaging, as {@link Resampler#resize} does: output
   * pixel {@code (x, y)} is the mean of the zero-padded image over {@code [rx + x sx, rx + (x + 1)
   * sx) x [ry + y sy, ry + (y + 1) sy)}, with {@code sx = rw / dw} and {@code sy = rh / dh}.
   *
   * @param rw region width, larger than {@code dw}
   * @param rh region height, larger than {@code dh}
   * @param dst destination, HWC, at least {@code 3 * dw * dh} values
   */
  void shrink(int rx, int ry, int rw, int rh, float[] dst, int dw, int dh) {
    if (rw <= dw || rh <= dh) {
      throw new IllegalArgumentException("an area shrink needs a region larger than its output");
    }
    double sx = (double) rw / dw;
    double sy = (double) rh / dh;
    int[] column = new int[dw + 1];
    double[] columnFraction = new double[dw + 1];
    Resampler.edges(rx, sx, dw, width, column, columnFraction);
    int[] row = new int[dh + 1];
    double[] rowFraction = new double[dh + 1];
    Resampler.edges(ry, sy, dh, height, row, rowFraction);
    // The integral from the origin to every corner of the output grid, then each pixel's from its
    // four corners.
    int stride = 3 * (width + 1);
    int gridStride = 3 * (dw + 1);
    double[] corner = new double[gridStride * (dh + 1)];
    for (int y = 0; y <= dh; y++) {
      int top = row[y] * stride;
      int bottom = top + stride;
      double fy = rowFraction[y];
      for (int x = 0; x <= dw; x++) {
        int left = 3 * column[x];
        double fx = columnFraction[x];
        for (int c = 0; c < 3; c++) {
          int tl = top + left + c;
          int bl = bottom + left + c;
          double upper = sums[tl] + fx * (sums[tl + 3] - sums[tl]);
          double lower = sums[bl] + fx * (sums[bl + 3] - sums[bl]);
          corner[y * gridStride + 3 * x + c] = upper + fy * (lower - upper);
        }
      }
    }
    double perArea = 1 / (sx * sy);
    for (int y = 0; y < dh; y++) {
      int top = y * gridStride;
      int bottom = top + gridStride;
      for (int i = 0; i < 3 * dw; i++) {
        double sum =
            corner[bottom + i + 3] - corner[bottom + i] - corner[top + i + 3] + corner[top + i];
        dst[y * 3 * dw + i] = (float) (sum * perArea);
      }
    }
  }
}
