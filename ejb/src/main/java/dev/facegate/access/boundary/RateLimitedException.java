package dev.facegate.access.boundary;

import dev.facegate.platform.BusinessException;
import jakarta.ejb.ApplicationException;

/** The device sends more requests than its rate allows. (429) */
@ApplicationException(rollback = true)
public class RateLimitedException extends BusinessException {

  public RateLimitedException(String message) {
    super(message);
  }
}
