package dev.facegate.faces.entity;

import jakarta.ejb.ApplicationException;

/**
 * No inference node answered: the call failed on one node, failed over once to another (or the
 * same, when only one is configured) and failed again. To a door this is the same as a busy engine
 * (503 with {@code Retry-After}, nothing recorded, the door stays closed); the different type lets
 * the log and the metrics tell an outage from load.
 */
@ApplicationException(rollback = true)
public class InferenceUnavailableException extends FaceEngineBusyException {

  public InferenceUnavailableException(String message, int retryAfterSeconds) {
    super(message, retryAfterSeconds);
  }
}
