package dev.facegate.models.alignment;

import dev.facegate.models.image.RgbImage;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;
import java.util.Objects;

/**
 * Random access to the 8-bit RGB values of a {@link BufferedImage}.
 *
 * <p>Gray images are read from the raster and replicated into three equal channels: {@code
 * BufferedImage.getRGB} treats the gray colour space as linear and converts it to sRGB, which
 * brightens mid-tones and moved a dlib descriptor by L2 0.11. Common layouts are read straight from
 * the data buffer; anything else (palette, odd colour models) falls back to {@code getRGB}.
 */
public final class RgbPixels {

  private enum Layout {
    BYTE_RGB,
    BYTE_BGR,
    BYTE_ABGR,
    INT_RGB,
    GRAY,
    GENERIC
  }

  private final BufferedImage image;
  private final Raster raster;
  private final Layout layout;
  private final int width;
  private final int height;
  private final byte[] bytes;
  private final int[] ints;
  private final int grayShift;

  private RgbPixels(BufferedImage image) {
    this.image = image;
    this.raster = image.getRaster();
    this.width = image.getWidth();
    this.height = image.getHeight();
    Layout chosen = Layout.GENERIC;
    byte[] b = null;
    int[] i = null;
    int shift = 0;
    boolean plain = raster.getParent() == null && raster.getSampleModelTranslateX() == 0;
    switch (image.getType()) {
      case BufferedImage.TYPE_3BYTE_BGR -> {
        if (plain) {
          chosen = Layout.BYTE_BGR;
          b = ((DataBufferByte) raster.getDataBuffer()).getData();
        }
      }
      case BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_4BYTE_ABGR_PRE -> {
        if (plain) {
          chosen = Layout.BYTE_ABGR;
          b = ((DataBufferByte) raster.getDataBuffer()).getData();
        }
      }
      case BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB -> {
        if (plain) {
          chosen = Layout.INT_RGB;
          i = ((DataBufferInt) raster.getDataBuffer()).getData();
        }
      }
      default -> {
        var cm = image.getColorModel();
        if (cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY && raster.getNumBands() <= 2) {
          // 8- or 16-bit gray, possibly with alpha: read the gray sample, never getRGB.
          chosen = Layout.GRAY;
          shift = Math.max(0, raster.getSampleModel().getSampleSize(0) - 8);
        }
      }
    }
    this.layout = chosen;
    this.bytes = b;
    this.ints = i;
    this.grayShift = shift;
  }

  private RgbPixels(RgbImage rgb) {
    this.image = null;
    this.raster = null;
    this.layout = Layout.BYTE_RGB;
    this.width = rgb.width();
    this.height = rgb.height();
    this.bytes = rgb.pixels();
    this.ints = null;
    this.grayShift = 0;
  }

  /**
   * Wraps a decoded RGB image (the detector's input; gray and alpha already resolved by {@link
   * RgbImage#of}).
   *
   * @param image the image
   * @return a pixel reader for it
   */
  public static RgbPixels of(RgbImage image) {
    return new RgbPixels(Objects.requireNonNull(image, "image is required"));
  }

  /**
   * Wraps an image.
   *
   * @param image the image
   * @return a pixel reader for it
   */
  public static RgbPixels of(BufferedImage image) {
    return new RgbPixels(Objects.requireNonNull(image, "image is required"));
  }

  /**
   * Returns the image width.
   *
   * @return width in pixels
   */
  public int width() {
    return width;
  }

  /**
   * Returns the image height.
   *
   * @return height in pixels
   */
  public int height() {
    return height;
  }

  /**
   * Returns the pixel at {@code (x, y)} packed as {@code 0xRRGGBB}; alpha is ignored.
   *
   * @param x column, {@code 0 <= x < width}
   * @param y row, {@code 0 <= y < height}
   * @return the packed RGB value
   */
  public int rgb(int x, int y) {
    switch (layout) {
      case BYTE_RGB -> {
        int o = (y * width + x) * 3;
        return (bytes[o] & 0xff) << 16 | (bytes[o + 1] & 0xff) << 8 | (bytes[o + 2] & 0xff);
      }
      case BYTE_BGR -> {
        int o = (y * width + x) * 3;
        return (bytes[o + 2] & 0xff) << 16 | (bytes[o + 1] & 0xff) << 8 | (bytes[o] & 0xff);
      }
      case BYTE_ABGR -> {
        int o = (y * width + x) * 4;
        return (bytes[o + 3] & 0xff) << 16 | (bytes[o + 2] & 0xff) << 8 | (bytes[o + 1] & 0xff);
      }
      case INT_RGB -> {
        return ints[y * width + x] & 0xffffff;
      }
      case GRAY -> {
        int g = raster.getSample(x, y, 0) >> grayShift;
        return g << 16 | g << 8 | g;
      }
      default -> {
        return image.getRGB(x, y) & 0xffffff;
      }
    }
  }
}
