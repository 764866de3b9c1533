package dev.facegate.index.entity;

/**
 * The index could not be reached or failed (cluster down, timeout, I/O error, locked directory).
 * Thrown quickly: every remote call has connect and response timeouts.
 */
public class IndexUnavailableException extends FaceIndexException {

  private static final long serialVersionUID = 1L;

  public IndexUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  public IndexUnavailableException(String message) {
    super(message);
  }
}
