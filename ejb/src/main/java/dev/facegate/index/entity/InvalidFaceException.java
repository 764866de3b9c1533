package dev.facegate.index.entity;

/**
 * Bad input to the index: wrong dimension, NaN or infinite components, a zero vector, a model
 * version the index does not serve, a malformed id or tag. Nothing was written.
 */
public class InvalidFaceException extends FaceIndexException {

  private static final long serialVersionUID = 1L;

  public InvalidFaceException(String message) {
    super(message);
  }
}
