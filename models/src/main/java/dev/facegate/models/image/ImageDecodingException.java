package dev.facegate.models.image;

import java.io.IOException;

/** Thrown when bytes cannot be decoded as an image, or are refused before decoding. */
public class ImageDecodingException extends IOException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was wrong with the input, for the person who sent it
   */
  public ImageDecodingException(String message) {
    super(message);
  }

  /**
   * Creates the exception with the decoder's own failure as cause.
   *
   * @param message what was wrong with the input, for the person who sent it
   * @param cause the underlying failure
   */
  public ImageDecodingException(String message, Throwable cause) {
    super(message, cause);
  }
}
