package dev.facegate.faces.entity;

import dev.facegate.platform.BusinessException;
import jakarta.ejb.ApplicationException;

/**
 * The face engine is at its bound: as many analyses run as it allows and its queue is full (or the
 * wait in the queue ran out). Nothing was analysed and nothing is recorded; the caller should try
 * again after {@link #retryAfterSeconds()}. A door answers 503, so it stays closed.
 */
@ApplicationException(rollback = true)
public class FaceEngineBusyException extends BusinessException {

  private final int retryAfterSeconds;

  public FaceEngineBusyException(String message, int retryAfterSeconds) {
    super(message);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** Seconds after which a new attempt has a fair chance (the HTTP {@code Retry-After}). */
  public int retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
