package dev.facegate.models.image;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.util.Objects;

/**
 * An 8-bit RGB image as one interleaved byte array ({@code r, g, b} per pixel, row by row).
 *
 * <p>Invariant: {@code pixels.length == 3 * width * height}, width and height positive. The array
 * is not copied; treat it as read-only once the image is built.
 *
 * @param width the width in pixels
 * @param height the height in pixels
 * @param pixels interleaved RGB bytes
 */
public record RgbImage(int width, int height, byte[] pixels) {

  /** Validates the dimensions. */
  public RgbImage {
    Objects.requireNonNull(pixels, "pixels is required");
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("empty image: " + width + "x" + height);
    }
    if (pixels.length != 3L * width * height) {
      throw new IllegalArgumentException(
          pixels.length + " bytes do not hold a " + width + "x" + height + " RGB image");
    }
  }

  /**
   * Converts any {@link BufferedImage} to RGB.
   *
   * <p>Gray images (8 or 16 bit) are copied from the raster into three equal channels: going
   * through {@code getRGB} would apply a linear-to-sRGB conversion that brightens them. Alpha is
   * composited over white, so transparent areas do not turn into black shapes. Palette and other
   * colour models go through Java 2D's sRGB conversion.
   *
   * @param image the image
   * @return its RGB pixels
   */
  public static RgbImage of(BufferedImage image) {
    Objects.requireNonNull(image, "image is required");
    int w = image.getWidth();
    int h = image.getHeight();
    byte[] out = new byte[3 * w * h];
    ColorModel cm = image.getColorModel();
    Raster raster = image.getRaster();
    int type = image.getType();
    if (type == BufferedImage.TYPE_3BYTE_BGR
        && raster.getDataBuffer() instanceof DataBufferByte buf
        && raster.getParent() == null
        && raster.getSampleModelTranslateX() == 0
        && raster.getSampleModelTranslateY() == 0) {
      byte[] bgr = buf.getData();
      for (int i = 0; i < w * h; i++) {
        out[3 * i] = bgr[3 * i + 2];
        out[3 * i + 1] = bgr[3 * i + 1];
        out[3 * i + 2] = bgr[3 * i];
      }
    } else if (isGray(cm)) {
      int bits = cm.getComponentSize(0);
      int[] row = new int[w];
      boolean alpha = cm.hasAlpha();
      int[] arow = alpha ? new int[w] : null;
      int max = (1 << bits) - 1;
      for (int y = 0; y < h; y++) {
        raster.getSamples(0, y, w, 1, 0, row);
        if (alpha) {
          raster.getSamples(0, y, w, 1, 1, arow);
        }
        for (int x = 0; x < w; x++) {
          double v = row[x] * 255.0 / max;
          if (alpha) {
            double a = arow[x] / (double) max;
            v = v * a + 255 * (1 - a);
          }
          byte b = (byte) Math.round(v);
          int o = 3 * (y * w + x);
          out[o] = b;
          out[o + 1] = b;
          out[o + 2] = b;
        }
      }
    } else {
      int[] argb = new int[w];
      for (int y = 0; y < h; y++) {
        image.getRGB(0, y, w, 1, argb, 0, w);
        for (int x = 0; x < w; x++) {
          int p = argb[x];
          int a = p >>> 24;
          int r = (p >> 16) & 0xff;
          int g = (p >> 8) & 0xff;
          int b = p & 0xff;
          if (a != 255) {
            r = (r * a + 255 * (255 - a) + 127) / 255;
            g = (g * a + 255 * (255 - a) + 127) / 255;
            b = (b * a + 255 * (255 - a) + 127) / 255;
          }
          int o = 3 * (y * w + x);
          out[o] = (byte) r;
          out[o + 1] = (byte) g;
          out[o + 2] = (byte) b;
        }
      }
    }
    return new RgbImage(w, h, out);
  }

  private static boolean isGray(ColorModel cm) {
    return !(cm instanceof IndexColorModel)
        && cm instanceof ComponentColorModel
        && cm.getNumColorComponents() == 1;
  }

  /** Returns the red, green and blue value at a pixel as {@code 0xRRGGBB}. */
  public int rgb(int x, int y) {
    int o = 3 * (y * width + x);
    return (pixels[o] & 0xff) << 16 | (pixels[o + 1] & 0xff) << 8 | (pixels[o + 2] & 0xff);
  }

  /** Converts back to a {@link BufferedImage} of type {@code TYPE_3BYTE_BGR}. */
  public BufferedImage toBufferedImage() {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    byte[] bgr = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
    for (int i = 0; i < width * height; i++) {
      bgr[3 * i] = pixels[3 * i + 2];
      bgr[3 * i + 1] = pixels[3 * i + 1];
      bgr[3 * i + 2] = pixels[3 * i];
    }
    return img;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RgbImage other
        && width == other.width
        && height == other.height
        && java.util.Arrays.equals(pixels, other.pixels);
  }

  @Override
  public int hashCode() {
    return Objects.hash(width, height, java.util.Arrays.hashCode(pixels));
  }

  @Override
  public String toString() {
    return "RgbImage[" + width + "x" + height + "]";
  }
}
