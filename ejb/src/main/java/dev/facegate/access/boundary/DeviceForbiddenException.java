package dev.facegate.access.boundary;

import dev.facegate.platform.BusinessException;
import jakarta.ejb.ApplicationException;

/** An authenticated device may not do this: it is disabled, or it is not a door. (403) */
@ApplicationException(rollback = true)
public class DeviceForbiddenException extends BusinessException {

  public DeviceForbiddenException(String message) {
    super(message);
  }
}
