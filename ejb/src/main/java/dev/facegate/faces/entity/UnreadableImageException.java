package dev.facegate.faces.entity;

import dev.facegate.platform.BusinessException;
import jakarta.ejb.ApplicationException;

/**
 * The uploaded bytes are not an image the server accepts: not an image at all, truncated or
 * corrupt, or declaring more pixels than allowed (a decompression bomb, refused before decoding).
 *
 * <p>No rollback: the refusal happens before anything is written, and a caller that turns it into a
 * per-photo verdict (bulk import, a page with several photos) must be able to go on with the other
 * photos in its unit of work.
 */
@ApplicationException(rollback = false)
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
