package dev.facegate.models.image;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * The bytes are not an image in one of the formats the decoder accepts (or not an image at all).
 */
public class UnsupportedImageFormatException extends ImageDecodingException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param accepted the formats the decoder accepts
   */
  public UnsupportedImageFormatException(Set<ImageFormat> accepted) {
    super(
        "Not a supported image format (accepted: "
            + accepted.stream().map(Enum::name).collect(Collectors.joining(", "))
            + ")");
  }
}
