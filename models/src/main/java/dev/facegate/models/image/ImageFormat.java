package dev.facegate.models.image;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The image formats {@link ImageDecoder} can read, with the names ImageIO gives them and the file
 * extensions they go by. A decoder can be limited to some of them ({@link
 * ImageDecoder.Builder#optFormats}); the format is recognised from the content, never from a name.
 */
public enum ImageFormat {
  /** JPEG (JFIF, EXIF). */
  JPEG(Set.of("jpeg", "jpg"), Set.of("jpg", "jpeg")),
  /** PNG. */
  PNG(Set.of("png"), Set.of("png")),
  /** GIF (first frame). */
  GIF(Set.of("gif"), Set.of("gif")),
  /** Windows bitmap. */
  BMP(Set.of("bmp"), Set.of("bmp")),
  /** TIFF (first page). */
  TIFF(Set.of("tif", "tiff"), Set.of("tif", "tiff"));

  private final Set<String> imageIoNames;
  private final Set<String> extensions;

  ImageFormat(Set<String> imageIoNames, Set<String> extensions) {
    this.imageIoNames = imageIoNames;
    this.extensions = extensions;
  }

  /**
   * The format of an ImageIO reader.
   *
   * @param imageIoFormatName {@code ImageReaderSpi} format name, e.g. {@code "JPEG"}
   * @return the format, or empty for one this enum does not know
   */
  public static Optional<ImageFormat> ofImageIoName(String imageIoFormatName) {
    String name = imageIoFormatName.toLowerCase(Locale.ROOT);
    for (ImageFormat format : values()) {
      if (format.imageIoNames.contains(name)) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }

  /**
   * Whether a file name carries one of this format's extensions (case-insensitive), for callers
   * that pick candidate files by name before the content decides.
   *
   * @param fileName the file name
   * @return true for e.g. {@code photo.JPG} and JPEG
   */
  public boolean matchesFileName(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot >= 0 && extensions.contains(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
  }
}
