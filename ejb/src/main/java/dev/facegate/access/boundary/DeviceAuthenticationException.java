package dev.facegate.access.boundary;

import dev.facegate.platform.BusinessException;
import jakarta.ejb.ApplicationException;

/** The request does not prove it comes from the device: missing, wrong, stale or replayed. (401) */
@ApplicationException(rollback = true)
public class DeviceAuthenticationException extends BusinessException {

  public DeviceAuthenticationException(String message) {
    super(message);
  }
}
