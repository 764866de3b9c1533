package dev.facegate.models.image;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes untrusted image bytes (uploads, files) into upright RGB pixels.
 *
 * <ul>
 *   <li>The pixel count is read from the header and checked against a limit <em>before</em> any
 *       pixel data is decoded, so a small file that declares a huge image (a decompression bomb) is
 *       refused at the cost of a header read.
 *   <li>Formats are those of {@code javax.imageio} (JPEG, PNG, GIF, BMP, WBMP, TIFF); the first
 *       frame is used.
 *   <li>A JPEG's EXIF orientation is applied, so faces are upright as a viewer shows them.
 *   <li>Gray (8/16 bit), palette and alpha images become RGB (see {@link RgbImage#of}); Adobe CMYK
 *       JPEGs are converted by the JDK's JPEG reader; Adobe YCCK ones, which it renders in
 *       complementary colours, by this class (naive formula without ICC profile: colours are
 *       approximate, which is enough for faces).
 *   <li>Anything undecodable raises an {@link ImageDecodingException} with a message fit for the
 *       sender; decoder crashes on malformed data are reported the same way, and so is a truncated
 *       file (which {@code javax.imageio} would otherwise fill with gray).
 * </ul>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ImageDecoder {

  /** Default limit: 50 megapixels, above the largest camera photos one would enrol. */
  public static final long DEFAULT_MAX_PIXELS = 50_000_000L;

  private final long maxPixels;
  private final Set<ImageFormat> formats;

  private ImageDecoder(Builder builder) {
    this.maxPixels = builder.maxPixels;
    this.formats = Collections.unmodifiableSet(EnumSet.copyOf(builder.formats));
  }

  /** Returns a decoder with the default limit. */
  public static ImageDecoder newInstance() {
    return builder().build();
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the pixel limit. */
  public long getMaxPixels() {
    return maxPixels;
  }

  /**
   * Returns the formats this decoder accepts.
   *
   * @return the accepted formats
   */
  public Set<ImageFormat> getFormats() {
    return formats;
  }

  /**
   * Reads a file and decodes it; see {@link #decodeRgb(byte[])}.
   *
   * @param file the image file
   * @return the upright RGB pixels
   * @throws ImageDecodingException if the content is not a decodable image or is too large
   * @throws IOException if the file cannot be read
   */
  public RgbImage decodeRgb(Path file) throws IOException {
    return decodeRgb(Files.readAllBytes(file));
  }

  /**
   * Decodes an encoded image into upright RGB pixels.
   *
   * @param encoded the encoded image (JPEG, PNG, ...)
   * @return the upright RGB pixels
   * @throws ImageDecodingException if the bytes are not a decodable image or declare too many
   *     pixels ({@link ImageTooLargeException})
   */
  public RgbImage decodeRgb(byte[] encoded) throws ImageDecodingException {
    Objects.requireNonNull(encoded, "encoded is required");
    if (encoded.length == 0) {
      throw new ImageDecodingException("Empty input: no image data");
    }
    JpegMarkers markers = JpegMarkers.read(encoded);
    RgbImage rgb;
    // In memory: ImageIO.createImageInputStream may cache uploads in temporary files.
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(encoded))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new UnsupportedImageFormatException(formats);
      }
      ImageReader reader = readers.next();
      if (!ImageFormat.ofImageIoName(reader.getFormatName())
          .filter(formats::contains)
          .isPresent()) {
        reader.dispose();
        throw new UnsupportedImageFormatException(formats);
      }
      try {
        reader.setInput(in, true, true);
        long w = reader.getWidth(0);
        long h = reader.getHeight(0);
        if (w <= 0 || h <= 0) {
          throw new ImageDecodingException("Image header declares an empty image " + w + "x" + h);
        }
        if (w * h > maxPixels) {
          throw new ImageTooLargeException(w, h, maxPixels);
        }
        // The JPEG reader fills a truncated file with gray and only warns; an upload cut short must
        // be refused, not enrolled half gray.
        List<String> truncation = new ArrayList<>();
        reader.addIIOReadWarningListener(
            (source, warning) -> {
              String w0 = warning.toLowerCase(Locale.ROOT);
              if (w0.contains("truncated") || w0.contains("premature end")) {
                truncation.add(warning);
              }
            });
        rgb = read(reader, markers);
        if (!truncation.isEmpty()) {
          throw new ImageDecodingException("Truncated image data (" + truncation.get(0) + ")");
        }
      } finally {
        reader.dispose();
      }
    } catch (ImageDecodingException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      // ImageIO signals truncated or corrupt data with IOExceptions and, for some malformed
      // inputs, with runtime exceptions from inside the codec; both mean "bad input" here.
      throw new ImageDecodingException(
          "Cannot decode image (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
    }
    return orient(rgb, markers.orientation());
  }

  /**
   * Decodes an encoded image into an upright {@code TYPE_3BYTE_BGR} image; see {@link
   * #decodeRgb(byte[])}.
   *
   * @param encoded the encoded image
   * @return the upright image
   * @throws ImageDecodingException if the bytes are not a decodable image or declare too many
   *     pixels
   */
  public BufferedImage decode(byte[] encoded) throws ImageDecodingException {
    return decodeRgb(encoded).toBufferedImage();
  }

  private static RgbImage read(ImageReader reader, JpegMarkers markers) throws IOException {
    if (markers.adobeTransform() == 2 && reader.canReadRaster()) {
      Raster raster = reader.readRaster(0, null);
      if (raster.getNumBands() == 4) {
        return ycckToRgb(raster);
      }
    }
    return RgbImage.of(reader.read(0));
  }

  /**
   * Converts Adobe YCCK, which the JDK's reader turns into the complementary colours. As in
   * libjpeg, YCbCr decodes to {@code 255 - C, 255 - M, 255 - Y}; Adobe stores K inverted too, so
   * {@code R = (255 - C)(255 - K) / 255} becomes {@code R' * K' / 255} on the stored values.
   */
  static RgbImage ycckToRgb(Raster raster) {
    int w = raster.getWidth();
    int h = raster.getHeight();
    byte[] out = new byte[3 * w * h];
    int[] px = new int[4];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        raster.getPixel(raster.getMinX() + x, raster.getMinY() + y, px);
        double luma = px[0];
        double cb = px[1] - 128.0;
        double cr = px[2] - 128.0;
        double k = px[3] / 255.0;
        int o = 3 * (y * w + x);
        out[o] = (byte) Math.round(clamp(luma + 1.402 * cr) * k);
        out[o + 1] = (byte) Math.round(clamp(luma - 0.344136 * cb - 0.714136 * cr) * k);
        out[o + 2] = (byte) Math.round(clamp(luma + 1.772 * cb) * k);
      }
    }
    return new RgbImage(w, h, out);
  }

  private static double clamp(double v) {
    return Math.max(0, Math.min(255, v));
  }

  /** Applies an EXIF orientation (1..8) so the result is the image as a viewer displays it. */
  static RgbImage orient(RgbImage s, int orientation) {
    if (orientation == 1) {
      return s;
    }
    int w = s.width();
    int h = s.height();
    boolean swap = orientation >= 5;
    int dw = swap ? h : w;
    int dh = swap ? w : h;
    byte[] src = s.pixels();
    byte[] dst = new byte[src.length];
    for (int y = 0; y < dh; y++) {
      for (int x = 0; x < dw; x++) {
        int sx;
        int sy;
        switch (orientation) {
          case 2 -> {
            sx = w - 1 - x;
            sy = y;
          }
          case 3 -> {
            sx = w - 1 - x;
            sy = h - 1 - y;
          }
          case 4 -> {
            sx = x;
            sy = h - 1 - y;
          }
          case 5 -> {
            sx = y;
            sy = x;
          }
          case 6 -> {
            sx = y;
            sy = h - 1 - x;
          }
          case 7 -> {
            sx = w - 1 - y;
            sy = h - 1 - x;
          }
          case 8 -> {
            sx = w - 1 - y;
            sy = x;
          }
          default -> throw new IllegalArgumentException("EXIF orientation " + orientation);
        }
        int so = 3 * (sy * w + sx);
        int d = 3 * (y * dw + x);
        dst[d] = src[so];
        dst[d + 1] = src[so + 1];
        dst[d + 2] = src[so + 2];
      }
    }
    return new RgbImage(dw, dh, dst);
  }

  /** Builds an {@link ImageDecoder}. */
  public static final class Builder {

    private long maxPixels = DEFAULT_MAX_PIXELS;
    private Set<ImageFormat> formats = EnumSet.allOf(ImageFormat.class);

    private Builder() {}

    /**
     * Sets the largest accepted width x height.
     *
     * @param maxPixels the limit, positive
     * @return this builder
     */
    public Builder optMaxPixels(long maxPixels) {
      if (maxPixels <= 0) {
        throw new IllegalArgumentException("maxPixels must be positive: " + maxPixels);
      }
      this.maxPixels = maxPixels;
      return this;
    }

    /**
     * Accepts only these formats (recognised from the content); others are refused with {@link
     * UnsupportedImageFormatException}. Default: every {@link ImageFormat}.
     *
     * @param first a format to accept
     * @param more more formats to accept
     * @return this builder
     */
    public Builder optFormats(ImageFormat first, ImageFormat... more) {
      return optFormats(EnumSet.of(first, more));
    }

    /**
     * Accepts only these formats; see {@link #optFormats(ImageFormat, ImageFormat...)}.
     *
     * @param accepted the formats to accept, at least one
     * @return this builder
     */
    public Builder optFormats(Set<ImageFormat> accepted) {
      if (accepted.isEmpty()) {
        throw new IllegalArgumentException("at least one format must be accepted");
      }
      this.formats = EnumSet.copyOf(accepted);
      return this;
    }

    /** Builds the decoder. */
    public ImageDecoder build() {
      return new ImageDecoder(this);
    }
  }
}
