package dev.facegate.models.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ResamplerTest {

  @Test
  void shrinkingAndEnlargingKeepAFlatImageFlat() {
    float[] src = new float[3 * 37 * 23];
    Arrays.fill(src, 100f);
    for (int[] size : new int[][] {{11, 7}, {24, 24}, {80, 50}}) {
      float[] dst = new float[3 * size[0] * size[1]];
      Resampler.resize(new Resampler.FloatPixels(src), 37, 23, 0, 0, 37, 23, dst, size[0], size[1]);
      for (float v : dst) {
        assertThat(v).isCloseTo(100f, within(1e-3f));
      }
    }
  }

  @Test
  void areaShrinkAveragesWholeBlocks() {
    // 4 x 2 image, shrink 2:1 in x and y: each output pixel is the mean of a 2 x 2 block.
    float[] src = new float[3 * 4 * 2];
    float[] values = {0, 10, 20, 30, 40, 50, 60, 70};
    for (int i = 0; i < 8; i++) {
      Arrays.fill(src, 3 * i, 3 * i + 3, values[i]);
    }
    float[] dst = new float[3 * 2];
    Resampler.resize(new Resampler.FloatPixels(src), 4, 2, 0, 0, 4, 2, dst, 2, 1);
    assertThat(dst[0]).isCloseTo((0 + 10 + 40 + 50) / 4f, within(1e-4f));
    assertThat(dst[3]).isCloseTo((20 + 30 + 60 + 70) / 4f, within(1e-4f));
  }

  @Test
  void cropsReadZeroOutsideTheImage() {
    float[] src = new float[3 * 10 * 10];
    Arrays.fill(src, 200f);
    float[] dst = new float[3 * 10 * 10];
    // Region shifted half out to the left: the left half of the crop is padding.
    Resampler.resize(new Resampler.FloatPixels(src), 10, 10, -5, 0, 10, 10, dst, 10, 10);
    assertThat(dst[3 * (5 * 10 + 1)]).isZero();
    assertThat(dst[3 * (5 * 10 + 8)]).isCloseTo(200f, within(1e-3f));
    // Entirely outside: all zero.
    Arrays.fill(dst, 1f);
    Resampler.resize(new Resampler.FloatPixels(src), 10, 10, 0, 50, 10, 10, dst, 10, 10);
    assertThat(dst).containsOnly(0f);
  }

  @Test
  void areaShrinkIsTheMeanOverEachOutputPixelsFootprint() {
    // Random images and regions (some reaching past every edge) against the definition: the
    // integral of the zero-padded image over the output pixel's footprint, divided by its area.
    Random random = new Random(16);
    for (int trial = 0; trial < 200; trial++) {
      int sw = 1 + random.nextInt(60);
      int sh = 1 + random.nextInt(60);
      byte[] bytes = new byte[3 * sw * sh];
      random.nextBytes(bytes);
      float[] floats = new float[bytes.length];
      for (int i = 0; i < bytes.length; i++) {
        floats[i] = (bytes[i] & 0xff) * 0.75f;
      }
      int rw = 2 + random.nextInt(70);
      int rh = 2 + random.nextInt(70);
      int rx = random.nextInt(sw + 20) - 10;
      int ry = random.nextInt(sh + 20) - 10;
      int dw = 1 + random.nextInt(rw - 1);
      int dh = 1 + random.nextInt(rh - 1);
      float[] fromBytes = new float[3 * dw * dh];
      float[] fromFloats = new float[3 * dw * dh];
      Resampler.resize(new Resampler.BytePixels(bytes), sw, sh, rx, ry, rw, rh, fromBytes, dw, dh);
      Resampler.resize(
          new Resampler.FloatPixels(floats), sw, sh, rx, ry, rw, rh, fromFloats, dw, dh);
      double sx = (double) rw / dw;
      double sy = (double) rh / dh;
      for (int y = 0; y < dh; y++) {
        for (int x = 0; x < dw; x++) {
          for (int c = 0; c < 3; c++) {
            double sum = 0;
            for (int j = 0; j < sh; j++) {
              double oy = overlap(ry + y * sy, ry + (y + 1) * sy, j);
              for (int i = 0; i < sw && oy > 0; i++) {
                double ox = overlap(rx + x * sx, rx + (x + 1) * sx, i);
                sum += ox * oy * (bytes[3 * (j * sw + i) + c] & 0xff);
              }
            }
            double expected = sum / (sx * sy);
            int at = 3 * (y * dw + x) + c;
            assertThat((double) fromBytes[at]).isCloseTo(expected, within(2e-3));
            assertThat((double) fromFloats[at]).isCloseTo(0.75 * expected, within(2e-3));
          }
        }
      }
    }
  }

  /** The length of {@code [a, b)} that lies in pixel {@code [i, i + 1)}. */
  private static double overlap(double a, double b, int i) {
    return Math.max(0, Math.min(b, i + 1) - Math.max(a, i));
  }

  @Test
  void bytesAreReadUnsigned() {
    byte[] src = new byte[3 * 2 * 2];
    java.util.Arrays.fill(src, (byte) 200);
    float[] dst = new float[3];
    Resampler.resize(new Resampler.BytePixels(src), 2, 2, 0, 0, 2, 2, dst, 1, 1);
    assertThat(dst).containsOnly(200f);
  }

  @Test
  void normalisesToPlanesWithMtcnnScaling() {
    float[] hwc = {255, 127.5f, 0, 0, 0, 0};
    float[] chw = new float[6];
    Resampler.normalizeToChw(hwc, 2, 1, chw, 0, false);
    assertThat(chw)
        .containsExactly(0.99609375f, -0.99609375f, 0, -0.99609375f, -0.99609375f, -0.99609375f);
  }
}
