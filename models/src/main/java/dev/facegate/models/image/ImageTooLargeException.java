package dev.facegate.models.image;

/**
 * Thrown when an image's header declares more pixels than allowed. Raised before any pixel data is
 * decoded, so a decompression bomb costs only the header read.
 */
public class ImageTooLargeException extends ImageDecodingException {

  private static final long serialVersionUID = 1L;

  private final long width;
  private final long height;
  private final long maxPixels;

  /**
   * Creates the exception.
   *
   * @param width declared width
   * @param height declared height
   * @param maxPixels the limit that was exceeded
   */
  public ImageTooLargeException(long width, long height, long maxPixels) {
    super(
        "Image of "
            + width
            + "x"
            + height
            + " pixels exceeds the limit of "
            + maxPixels
            + " pixels");
    this.width = width;
    this.height = height;
    this.maxPixels = maxPixels;
  }

  /** Returns the declared width. */
  public long getWidth() {
    return width;
  }

  /** Returns the declared height. */
  public long getHeight() {
    return height;
  }

  /** Returns the pixel limit. */
  public long getMaxPixels() {
    return maxPixels;
  }
}
