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
    float get(int i);
  }

  /** Unsigned 8-bit samples. */
  record BytePixels(byte[] data) implements Pixels {
    @Override
    public float get(int i) {
      return data[i] & 0xff;
    }
  }

  /** Float samples. */
  record FloatPixels(float[] data) implements Pixels {
    @Override
    public float get(int i) {
      return data[i];
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
    Taps tx = taps(rx, rw, dw, sw);
    Taps ty = taps(ry, rh, dh, sh);
    // Horizontal pass over the source rows the vertical taps read, then the vertical pass.
    int rowLo = Math.max(0, ry);
    int rowHi = Math.min(sh, ry + rh + 1);
    if (rowHi <= rowLo) {
      java.util.Arrays.fill(dst, 0, 3 * dw * dh, 0f);
      return;
    }
    float[] tmp = new float[(rowHi - rowLo) * dw * 3];
    for (int y = rowLo; y < rowHi; y++) {
      int srow = y * sw * 3;
      int trow = (y - rowLo) * dw * 3;
      for (int x = 0; x < dw; x++) {
        float r = 0;
        float g = 0;
        float b = 0;
        for (int t = tx.start[x]; t < tx.start[x + 1]; t++) {
          int s = srow + 3 * tx.index[t];
          float w = tx.weight[t];
          r += w * src.get(s);
          g += w * src.get(s + 1);
          b += w * src.get(s + 2);
        }
        tmp[trow + 3 * x] = r;
        tmp[trow + 3 * x + 1] = g;
        tmp[trow + 3 * x + 2] = b;
      }
    }
    int rowLen = dw * 3;
    for (int y = 0; y < dh; y++) {
      int d = y * rowLen;
      java.util.Arrays.fill(dst, d, d + rowLen, 0f);
      for (int t = ty.start[y]; t < ty.start[y + 1]; t++) {
        int s = (ty.index[t] - rowLo) * rowLen;
        float w = ty.weight[t];
        for (int i = 0; i < rowLen; i++) {
          dst[d + i] += w * tmp[s + i];
        }
      }
    }
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
