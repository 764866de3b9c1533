package dev.facegate.models.detection;

/**
 * Separable image resizing of interleaved 3-channel float images, done in plain Java.
 *
 * <p>Shrinking averages the source pixels each output pixel covers (area interpolation, like
 * OpenCV's {@code INTER_AREA} which the reference MTCNN uses), so small pyramid levels do not
 * alias; enlarging is bilinear. The source region may extend past the image: pixels outside count
 * as 0, which is MTCNN's zero padding of crops at the border.
 */
final class Resampler {

  private Resampler() {}

  /**
   * Interleaved 3-channel pixels, read-only: the decoded image's bytes (never copied to floats, so
   * a large photo costs no extra memory) or a float pyramid level.
   */
  sealed interface Pixels {
    /**
     * Adds {@code weight} times {@code count} consecutive samples from index {@code from} to {@code
     * sums} from index {@code at}.
     */
    void addScaled(int from, int count, float weight, float[] sums, int at);
  }

  /** Unsigned 8-bit samples. */
  record BytePixels(byte[] data) implements Pixels {
    @Override
    public void addScaled(int from, int count, float weight, float[] sums, int at) {
      for (int i = 0; i < count; i++) {
        sums[at + i] += weight * (data[from + i] & 0xff);
      }
    }
  }

  /** Float samples. */
  record FloatPixels(float[] data) implements Pixels {
    @Override
    public void addScaled(int from, int count, float weight, float[] sums, int at) {
      for (int i = 0; i < count; i++) {
        sums[at + i] += weight * data[from + i];
      }
    }
  }

  /** Per output index: the source indices and weights that make it, flattened. */
  private record Taps(int[] start, int[] index, float[] weight) {}

  /**
   * Resizes a region of {@code src} to {@code dst}.
   *
   * @param src source pixels, HWC, 3 channels
   * @param sw source width
   * @param sh source height
   * @param rx region left (may be negative)
   * @param ry region top (may be negative)
   * @param rw region width, positive
   * @param rh region height, positive
   * @param dst destination, HWC, at least {@code 3 * dw * dh} values
   * @param dw destination width
   * @param dh destination height
   */
  static void resize(
      Pixels src, int sw, int sh, int rx, int ry, int rw, int rh, float[] dst, int dw, int dh) {
    java.util.Arrays.fill(dst, 0, 3 * dw * dh, 0f);
    // Only the region's columns inside the image are read; the rest are zero.
    int c0 = Math.max(0, rx);
    int c1 = Math.min(sw, rx + rw);
    if (c1 <= c0 || ry >= sh || ry + rh <= 0) {
      return;
    }
    int rowLen = 3 * (c1 - c0);
    // Vertical pass first: each source row is read once, whole and in order, into the output rows
    // it contributes to. The horizontal pass then only sees dh rows.
    Taps ty = taps(ry, rh, dh, sh);
    float[] rows = new float[dh * rowLen];
    for (int y = 0; y < dh; y++) {
      for (int t = ty.start[y]; t < ty.start[y + 1]; t++) {
        src.addScaled(3 * (ty.index[t] * sw + c0), rowLen, ty.weight[t], rows, y * rowLen);
      }
    }
    if (rw > dw) {
      shrinkRows(rows, dh, c0, c1, rx, rw, dst, dw);
    } else {
      Taps tx = taps(rx, rw, dw, sw);
      for (int y = 0; y < dh; y++) {
        int row = y * rowLen;
        for (int x = 0; x < dw; x++) {
          int d = 3 * (y * dw + x);
          for (int t = tx.start[x]; t < tx.start[x + 1]; t++) {
            int s = row + 3 * (tx.index[t] - c0);
            float w = tx.weight[t];
            dst[d] += w * rows[s];
            dst[d + 1] += w * rows[s + 1];
            dst[d + 2] += w * rows[s + 2];
          }
        }
      }
    }
  }

  /**
   * The horizontal pass of an area shrink, in time proportional to the row length and not to the
   * length times the taps per output: output {@code x} of a row is the integral of the row over
   * {@code [rx + x s, rx + (x + 1) s)} divided by {@code s = rw / dw}, read off the row's running
   * sums. A running sum is linear within a pixel, so this is the same average as the taps'; the
   * pixels outside {@code [c0, c1)}, outside the image, add nothing.
   */
  private static void shrinkRows(
      float[] rows, int dh, int c0, int c1, int rx, int rw, float[] dst, int dw) {
    int n = c1 - c0;
    double s = (double) rw / dw;
    double perSource = 1 / s;
    // Output x covers [edge x, edge x + 1), in pixels of the row from c0.
    int[] pixel = new int[dw + 1];
    double[] fraction = new double[dw + 1];
    edges(rx - c0, s, dw, n, pixel, fraction);
    double[] sums = new double[3 * (n + 1)];
    for (int y = 0; y < dh; y++) {
      int row = y * 3 * n;
      double r = 0;
      double g = 0;
      double b = 0;
      for (int k = 0; k < n; k++) {
        r += rows[row + 3 * k];
        g += rows[row + 3 * k + 1];
        b += rows[row + 3 * k + 2];
        sums[3 * k + 3] = r;
        sums[3 * k + 4] = g;
        sums[3 * k + 5] = b;
      }
      for (int c = 0; c < 3; c++) {
        double before = integral(sums, 3 * pixel[0] + c, fraction[0]);
        for (int x = 0; x < dw; x++) {
          double after = integral(sums, 3 * pixel[x + 1] + c, fraction[x + 1]);
          dst[3 * (y * dw + x) + c] = (float) ((after - before) * perSource);
          before = after;
        }
      }
    }
  }

  /**
   * The edges {@code from + k s} for {@code k} from 0 to {@code n}, clamped to {@code [0, limit]},
   * each as the pixel it falls in and the fraction of that pixel before it (the last pixel, fully,
   * for an edge at {@code limit}): where a running sum or a summed-area table is interpolated.
   */
  static void edges(int from, double s, int n, int limit, int[] pixel, double[] fraction) {
    for (int k = 0; k <= n; k++) {
      double at = Math.max(0, Math.min(limit, from + k * s));
      int p = Math.min(limit - 1, (int) Math.floor(at));
      pixel[k] = p;
      fraction[k] = at - p;
    }
  }

  /** The running sum at {@code fraction} of the way through the pixel whose sum is at {@code i}. */
  private static double integral(double[] sums, int i, double fraction) {
    return sums[i] + fraction * (sums[i + 3] - sums[i]);
  }

  /**
   * Computes the taps along one axis: output {@code i} of {@code dstLen} covers source {@code [from
   * + i * s, from + (i + 1) * s)} with {@code s = len / dstLen}. Source indices outside {@code [0,
   * limit)} are dropped, i.e. read as 0.
   */
  private static Taps taps(int from, int len, int dstLen, int limit) {
    double s = (double) len / dstLen;
    int[] start = new int[dstLen + 1];
    int cap = dstLen * ((int) Math.ceil(s) + 2);
    int[] index = new int[cap];
    float[] weight = new float[cap];
    int n = 0;
    for (int i = 0; i < dstLen; i++) {
      start[i] = n;
      if (s > 1) {
        double a = from + i * s;
        double b = a + s;
        for (int j = (int) Math.floor(a); j < b; j++) {
          double overlap = Math.min(b, j + 1) - Math.max(a, j);
          if (overlap > 1e-9 && j >= 0 && j < limit) {
            index[n] = j;
            weight[n++] = (float) (overlap / s);
          }
        }
      } else {
        double c = from + (i + 0.5) * s - 0.5;
        c = Math.max(from, Math.min(from + len - 1, c));
        int j = (int) Math.floor(c);
        double f = c - j;
        if (j >= 0 && j < limit) {
          index[n] = j;
          weight[n++] = (float) (1 - f);
        }
        if (f > 1e-9 && j + 1 >= 0 && j + 1 < limit) {
          index[n] = j + 1;
          weight[n++] = (float) f;
        }
      }
    }
    start[dstLen] = n;
    return new Taps(start, index, weight);
  }

  /**
   * Writes an HWC image into an NCHW batch slot, normalised as MTCNN expects: {@code (v - 127.5) /
   * 128}.
   *
   * @param hwc source, 3 channels, RGB order
   * @param w width
   * @param h height
   * @param out destination batch
   * @param offset where this image's {@code 3 * h * w} values start
   * @param bgr whether the network's channel 0 is blue
   */
  static void normalizeToChw(float[] hwc, int w, int h, float[] out, int offset, boolean bgr) {
    int plane = w * h;
    int c0 = bgr ? 2 : 0;
    int c2 = bgr ? 0 : 2;
    for (int i = 0; i < plane; i++) {
      out[offset + i] = (hwc[3 * i + c0] - 127.5f) * 0.0078125f;
      out[offset + plane + i] = (hwc[3 * i + 1] - 127.5f) * 0.0078125f;
      out[offset + 2 * plane + i] = (hwc[3 * i + c2] - 127.5f) * 0.0078125f;
    }
  }
}
