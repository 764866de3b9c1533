package dev.facegate.models.embedding;

/** The network failed to compute an embedding (engine or translation error). */
public class EmbeddingException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed
   * @param cause the engine's exception
   */
  public EmbeddingException(String message, Throwable cause) {
    super(message, cause);
  }
}
