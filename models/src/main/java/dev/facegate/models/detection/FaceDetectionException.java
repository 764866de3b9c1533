package dev.facegate.models.detection;

/** Thrown when the detector's engine fails (not for bad input images, which are checked). */
public class FaceDetectionException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed
   * @param cause the engine's exception
   */
  public FaceDetectionException(String message, Throwable cause) {
    super(message, cause);
  }
}
