package dev.facegate.platform;

import jakarta.ejb.ApplicationException;

/**
 * Someone else changed the record between reading and writing it (optimistic lock); nothing was
 * written. The caller reloads and tries again. (409)
 */
@ApplicationException(rollback = true)
public class ConcurrentChangeException extends BusinessException {

  public ConcurrentChangeException(String message) {
    super(message);
  }
}
