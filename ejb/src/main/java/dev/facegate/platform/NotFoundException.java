package dev.facegate.platform;

import jakarta.ejb.ApplicationException;

/** A requested record does not exist (or no longer exists). */
@ApplicationException(rollback = true)
public class NotFoundException extends BusinessException {

  public NotFoundException(String message) {
    super(message);
  }
}
