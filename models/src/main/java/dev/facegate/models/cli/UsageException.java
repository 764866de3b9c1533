package dev.facegate.models.cli;

/** Wrong command-line arguments; the dispatcher prints the message and the command's usage. */
public class UsageException extends Exception {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong
   */
  public UsageException(String message) {
    super(message);
  }
}
