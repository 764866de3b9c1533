package dev.facegate.platform;

import jakarta.ejb.ApplicationException;

/**
 * An expected failure of a business operation that the caller can explain to the user (a duplicate
 * employee number, a refused photo). It rolls the transaction back and reaches the caller
 * unwrapped. The message is meant for people: it never contains biometric data or secrets.
 */
@ApplicationException(rollback = true)
public class BusinessException extends RuntimeException {

  public BusinessException(String message) {
    super(message);
  }
}
