package dev.facegate.models.alignment;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import javax.imageio.ImageIO;

/**
 * An aligned square face crop as planar RGB floats in {@code [0, 255]} (channel, row, column).
 *
 * <p>Kept as floats rather than a {@code BufferedImage} so that the bilinear warp is not rounded to
 * bytes before the network sees it.
 */
public final class FaceChip {

  private final int size;
  private final float[] rgb;

  /**
   * Wraps planar RGB data.
   *
   * @param size the side of the chip in pixels
   * @param rgb {@code 3 * size * size} values, the R plane, then G, then B
   */
  public FaceChip(int size, float[] rgb) {
    Objects.requireNonNull(rgb, "rgb data is required");
    if (size <= 0 || rgb.length != 3 * size * size) {
      throw new IllegalArgumentException(
          "chip of side " + size + " needs " + 3 * size * size + " values, got " + rgb.length);
    }
    this.size = size;
    this.rgb = rgb;
  }

  /**
   * Returns this chip mirrored left to right (for test-time augmentation).
   *
   * @return a new chip
   */
  public FaceChip mirrored() {
    float[] out = new float[rgb.length];
    for (int c = 0; c < 3; c++) {
      for (int y = 0; y < size; y++) {
        int row = (c * size + y) * size;
        for (int x = 0; x < size; x++) {
          out[row + x] = rgb[row + size - 1 - x];
        }
      }
    }
    return new FaceChip(size, out);
  }

  /**
   * Returns the side of the chip.
   *
   * @return the side in pixels
   */
  public int size() {
    return size;
  }

  /**
   * Returns the planar RGB data; the array is shared, callers must not modify it.
   *
   * @return {@code 3 * size * size} values in {@code [0, 255]}
   */
  public float[] rgb() {
    return rgb;
  }

  /**
   * Renders the chip as an 8-bit RGB image, for annotation and debugging.
   *
   * @return a new {@code TYPE_INT_RGB} image
   */
  public BufferedImage toImage() {
    var image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
    int plane = size * size;
    for (int i = 0; i < plane; i++) {
      int r = clamp(rgb[i]);
      int g = clamp(rgb[plane + i]);
      int b = clamp(rgb[2 * plane + i]);
      image.setRGB(i % size, i / size, (r << 16) | (g << 8) | b);
    }
    return image;
  }

  /**
   * Encodes the chip as PNG (lossless), for installations that keep face crops and for previews.
   *
   * @return the PNG bytes
   */
  public byte[] toPng() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(toImage(), "png", out)) {
        throw new IllegalStateException("No PNG writer in this JVM");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("PNG encoding of a face chip failed", e);
    }
    return out.toByteArray();
  }

  private static int clamp(float v) {
    return Math.max(0, Math.min(255, Math.round(v)));
  }
}
