package dev.facegate.models.nn;

import dev.facegate.models.weights.NamedArray;

/**
 * Conversions from TF.js (TensorFlow) weight layouts to the layouts of DJL's blocks.
 *
 * <p>TensorFlow stores convolution filters as HWIO and dense kernels as {@code (in, out)}; DJL's
 * {@code Conv2d} wants OIHW and {@code Linear} wants {@code (out, in)}.
 */
public final class TfjsLayouts {

  private TfjsLayouts() {}

  /**
   * Converts an HWIO filter to OIHW.
   *
   * @param hwio a rank-4 filter
   * @param swapSpatial also swap the two spatial axes, i.e. {@code out[o][i][y][x] =
   *     hwio[x][y][i][o]}: running the result on an image equals running the original on the
   *     transposed image (MTCNN's nets were trained on transposed images)
   * @return the filter in OIHW order
   */
  public static float[] hwioToOihw(NamedArray hwio, boolean swapSpatial) {
    int[] s = hwio.shape();
    if (s.length != 4) {
      throw new IllegalArgumentException(hwio + " is not a rank-4 filter");
    }
    int kh = s[0];
    int kw = s[1];
    int in = s[2];
    int out = s[3];
    if (swapSpatial && kh != kw) {
      throw new IllegalArgumentException(hwio + ": spatial swap needs a square filter");
    }
    float[] src = hwio.data();
    float[] dst = new float[src.length];
    for (int h = 0; h < kh; h++) {
      for (int w = 0; w < kw; w++) {
        for (int i = 0; i < in; i++) {
          for (int o = 0; o < out; o++) {
            int y = swapSpatial ? w : h;
            int x = swapSpatial ? h : w;
            dst[((o * in + i) * kh + y) * kw + x] = src[((h * kw + w) * in + i) * out + o];
          }
        }
      }
    }
    return dst;
  }

  /**
   * Converts a dense kernel {@code (in, out)} to DJL's {@code (out, in)}.
   *
   * @param kernel a rank-2 kernel
   * @return the transposed kernel
   */
  public static float[] denseToLinear(NamedArray kernel) {
    int[] s = kernel.shape();
    if (s.length != 2) {
      throw new IllegalArgumentException(kernel + " is not a rank-2 kernel");
    }
    int in = s[0];
    int out = s[1];
    float[] src = kernel.data();
    float[] dst = new float[src.length];
    for (int i = 0; i < in; i++) {
      for (int o = 0; o < out; o++) {
        dst[o * in + i] = src[i * out + o];
      }
    }
    return dst;
  }

  /**
   * Converts a dense kernel that follows a flatten of a transposed NHWC feature map to a DJL {@code
   * Linear} weight that follows a flatten of the untransposed NCHW map.
   *
   * <p>The TensorFlow net flattened {@code T[x][y][c]} (the map of the transposed image, rows are
   * image columns) as {@code (x * height + y) * channels + c}; DJL's batch flatten of {@code (C, H,
   * W)} gives {@code (c * height + y) * width + x}.
   *
   * @param kernel a rank-2 kernel {@code (channels * height * width, out)}
   * @param channels feature-map channels
   * @param height feature-map height
   * @param width feature-map width
   * @return the weight {@code (out, channels * height * width)}
   */
  public static float[] transposedNhwcDenseToLinear(
      NamedArray kernel, int channels, int height, int width) {
    int[] s = kernel.shape();
    int in = channels * height * width;
    if (s.length != 2 || s[0] != in) {
      throw new IllegalArgumentException(
          kernel + " does not follow a " + channels + "x" + height + "x" + width + " map");
    }
    int out = s[1];
    float[] src = kernel.data();
    float[] dst = new float[src.length];
    for (int c = 0; c < channels; c++) {
      for (int y = 0; y < height; y++) {
        for (int x = 0; x < width; x++) {
          int tf = (x * height + y) * channels + c;
          int djl = (c * height + y) * width + x;
          for (int o = 0; o < out; o++) {
            dst[o * in + djl] = src[tf * out + o];
          }
        }
      }
    }
    return dst;
  }
}
