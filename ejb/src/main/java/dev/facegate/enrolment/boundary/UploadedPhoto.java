package dev.facegate.enrolment.boundary;

import static java.util.Objects.requireNonNull;

/**
 * One photo handed in for enrolment.
 *
 * @param fileName the name it was uploaded under, for reports only
 * @param content the encoded image (JPEG or PNG)
 */
public record UploadedPhoto(String fileName, byte[] content) {

  public UploadedPhoto {
    requireNonNull(content, "content is required");
    fileName = fileName == null || fileName.isBlank() ? "photo" : fileName;
  }
}
