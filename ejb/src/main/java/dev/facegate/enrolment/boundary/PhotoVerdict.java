package dev.facegate.enrolment.boundary;

import java.util.Optional;

/**
 * The quality gate's verdict on one uploaded photo.
 *
 * @param fileName the name the photo was uploaded under (for the report)
 * @param accepted whether it became a template
 * @param templateId the new template, when accepted
 * @param refusal why not, when refused
 * @param detail figures behind the verdict (face size, sharpness, similarity), never biometric data
 * @param faceBox the detected face as {@code [x, y, width, height]} in photo pixels, if one was
 *     found
 */
public record PhotoVerdict(
    String fileName,
    boolean accepted,
    Optional<Long> templateId,
    Optional<Refusal> refusal,
    String detail,
    Optional<double[]> faceBox) {

  static PhotoVerdict accepted(String fileName, long templateId, String detail, double[] box) {
    return new PhotoVerdict(
        fileName, true, Optional.of(templateId), Optional.empty(), detail, Optional.of(box));
  }

  static PhotoVerdict refused(String fileName, Refusal refusal, String detail, double[] box) {
    return new PhotoVerdict(
        fileName, false, Optional.empty(), Optional.of(refusal), detail, Optional.ofNullable(box));
  }
}
