package dev.facegate.index.entity;

import jakarta.ejb.ApplicationException;

/** Base of the index component's unchecked exceptions; rolls back the caller's transaction. */
@ApplicationException(rollback = true, inherited = true)
public class FaceIndexException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public FaceIndexException(String message) {
    super(message);
  }

  public FaceIndexException(String message, Throwable cause) {
    super(message, cause);
  }
}
