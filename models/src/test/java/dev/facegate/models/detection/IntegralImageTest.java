package dev.facegate.models.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.facegate.models.geometry.Box;
import dev.facegate.models.image.RgbImage;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IntegralImageTest {

  @Test
  void shrinksToTheSameAreaAveragesAsTheResampler() {
    // Random images and regions, many reaching past the edges or wholly outside: the table's
    // crops against the pixel-reading resampler's, which ResamplerTest holds to the definition.
    Random random = new Random(21);
    for (int trial = 0; trial < 500; trial++) {
      int w = 1 + random.nextInt(90);
      int h = 1 + random.nextInt(90);
      byte[] rgb = new byte[3 * w * h];
      random.nextBytes(rgb);
      IntegralImage table = IntegralImage.of(rgb, w, h);
      int rw = 2 + random.nextInt(120);
      int rh = 2 + random.nextInt(120);
      int rx = random.nextInt(w + 60) - 30;
      int ry = random.nextInt(h + 60) - 30;
      int dw = 1 + random.nextInt(Math.min(48, rw - 1));
      int dh = 1 + random.nextInt(Math.min(48, rh - 1));
      float[] fromTable = new float[3 * dw * dh];
      float[] fromPixels = new float[3 * dw * dh];
      table.shrink(rx, ry, rw, rh, fromTable, dw, dh);
      Resampler.resize(new Resampler.BytePixels(rgb), w, h, rx, ry, rw, rh, fromPixels, dw, dh);
      for (int i = 0; i < fromTable.length; i++) {
        assertThat(fromTable[i]).isCloseTo(fromPixels[i], within(2e-3f));
      }
    }
  }

  @Test
  void sumsTheBrightestLargestImageWithoutOverflow() {
    // 2^21 white pixels: the bottom-right sums are 255 * 2^21, just under 2^31.
    int w = 2048;
    int h = 1024;
    byte[] rgb = new byte[3 * w * h];
    java.util.Arrays.fill(rgb, (byte) 255);
    IntegralImage table = IntegralImage.of(rgb, w, h);
    float[] dst = new float[3];
    table.shrink(0, 0, w, h, dst, 1, 1);
    assertThat(dst).containsOnly(255f);
    table.shrink(-w, 0, 2 * w, h, dst, 1, 1);
    assertThat(dst).containsOnly(127.5f);
  }

  @Test
  void refusesWhatItCannotDoExactly() {
    assertThatThrownBy(() -> IntegralImage.of(new byte[3 * 2049 * 1024], 2049, 1024))
        .isInstanceOf(IllegalArgumentException.class);
    IntegralImage table = IntegralImage.of(new byte[3 * 4 * 4], 4, 4);
    assertThatThrownBy(() -> table.shrink(0, 0, 4, 4, new float[3 * 16], 4, 4))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void cropSourceUsesTheTableOnlyWhenTheCropsCoverMoreThanTheImage() {
    RgbImage image = new RgbImage(100, 80, new byte[3 * 100 * 80]);
    Box half = new Box(0, 0, 50, 80);
    assertThat(CropSource.of(image, List.of(half), true).integral()).isFalse();
    assertThat(CropSource.of(image, List.of(half, half), true).integral()).isTrue();
    assertThat(CropSource.of(image, List.of(half, half), false).integral()).isFalse();
    // Only the part inside the image counts.
    Box mostlyOutside = new Box(-1000, -1000, 10, 10);
    assertThat(CropSource.of(image, List.of(mostlyOutside, half), true).integral()).isFalse();
  }

  @Test
  void cropSourceCropsTheSameEitherWay() {
    Random random = new Random(5);
    byte[] rgb = new byte[3 * 64 * 48];
    random.nextBytes(rgb);
    RgbImage image = new RgbImage(64, 48, rgb);
    Box whole = new Box(0, 0, 64, 48);
    CropSource fromPixels = CropSource.of(image, List.of(whole), false);
    CropSource fromTable = CropSource.of(image, List.of(whole), true);
    assertThat(fromPixels.integral()).isFalse();
    assertThat(fromTable.integral()).isTrue();
    // Shrinking, enlarging (always from the pixels) and straddling the border.
    int[][] regions = {{3, 5, 40, 40}, {10, 10, 20, 20}, {-7, 30, 30, 30}};
    for (int[] r : regions) {
      float[] a = new float[3 * 24 * 24];
      float[] b = new float[3 * 24 * 24];
      fromPixels.crop(r[0], r[1], r[2], r[3], a, 24);
      fromTable.crop(r[0], r[1], r[2], r[3], b, 24);
      for (int i = 0; i < a.length; i++) {
        assertThat(b[i]).isCloseTo(a[i], within(2e-3f));
      }
    }
  }
}
