package dev.facegate.access.boundary;

import dev.facegate.platform.BusinessException;

/**
 * A door's multipart burst that cannot be taken apart into frames: no or a bad boundary, a
 * truncated body, an empty part, a part that is not an image type, or more frames than allowed.
 * Nothing is recorded (400).
 */
public class MalformedBurstException extends BusinessException {

  public MalformedBurstException(String message) {
    super(message);
  }
}
