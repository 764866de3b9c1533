package dev.facegate.recognition.control;

import dev.facegate.platform.BusinessException;
import jakarta.ejb.ApplicationException;

/**
 * The uploaded bytes are not an image the server accepts: not an image at all, truncated or
 * corrupt, or declaring more pixels than allowed (a decompression bomb, refused before decoding).
 */
@ApplicationException(rollback = true)
public class UnreadableImageException extends BusinessException {

  /** Why the image was refused. */
  public enum Kind {
    /** Not JPEG or PNG content at all. */
    NOT_AN_IMAGE,
    /** JPEG or PNG, but truncated or corrupt. */
    CORRUPT,
    /** The header declares more pixels than the limit. */
    TOO_MANY_PIXELS
  }

  private final Kind kind;

  public UnreadableImageException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
