package dev.facegate.enrolment.boundary;

import dev.facegate.faces.boundary.FaceAnalysis;

/** Why the quality gate refused a photo. */
public enum Refusal {
  NOT_AN_IMAGE("The file is not a " + FaceAnalysis.acceptedFormats("or") + " image."),
  UNREADABLE_IMAGE("The image is truncated, corrupt or too large to decode."),
  NO_FACE("No face was found in the photo."),
  MULTIPLE_FACES("The photo shows more than one face; enrol one person per photo."),
  FACE_TOO_SMALL("The face is too small; come closer or use a larger photo."),
  TOO_BLURRY("The face is too blurry."),
  NOT_FRONTAL("The face is turned too far away from the camera; look straight at it."),
  DUPLICATE_IDENTITY("The face is too similar to another enrolled person.");

  private final String message;

  Refusal(String message) {
    this.message = message;
  }

  /** A sentence to show the person enrolling. */
  public String message() {
    return message;
  }
}
