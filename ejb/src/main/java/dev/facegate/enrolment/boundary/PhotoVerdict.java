package dev.facegate.enrolment.boundary;

import dev.facegate.faces.entity.PhotoAnalysis;
import java.util.Optional;

/**
 * The quality gate's verdict on one uploaded photo.
 *
 * @param fileName the name the photo was uploaded under (for the report)
 * @param accepted whether it became a template
 * @param templateId the new template, when accepted
 * @param refusal why not, when refused
 * @param detail figures behind the verdict (face size, sharpness, similarity), never biometric data
 * @param faceBox the largest detected face as {@code [x, y, width, height]} in the pixels of the
 *     upright photo, if one was found
 * @param photoSize the upright photo's {@code [width, height]} (EXIF orientation applied), when it
 *     could be decoded; {@code faceBox} is relative to it
 * @param thumbnailJpeg a small upright JPEG of the photo for the page (made from the decoded image
 *     the face was found in, never stored), when it could be decoded
 */
public record PhotoVerdict(
    String fileName,
    boolean accepted,
    Optional<Long> templateId,
    Optional<Refusal> refusal,
    String detail,
    Optional<double[]> faceBox,
    Optional<int[]> photoSize,
    Optional<byte[]> thumbnailJpeg) {

  static PhotoVerdict accepted(
      String fileName, long templateId, String detail, PhotoAnalysis analysis) {
    return new PhotoVerdict(
        fileName,
        true,
        Optional.of(templateId),
        Optional.empty(),
        detail,
        box(analysis),
        Optional.of(new int[] {analysis.width(), analysis.height()}),
        analysis.thumbnailJpeg());
  }

  /**
   * A refusal.
   *
   * @param analysis what was found, or {@code null} when the photo could not be decoded
   */
  static PhotoVerdict refused(
      String fileName, Refusal refusal, String detail, PhotoAnalysis analysis) {
    return new PhotoVerdict(
        fileName,
        false,
        Optional.empty(),
        Optional.of(refusal),
        detail,
        analysis == null ? Optional.empty() : box(analysis),
        analysis == null
            ? Optional.empty()
            : Optional.of(new int[] {analysis.width(), analysis.height()}),
        analysis == null ? Optional.empty() : analysis.thumbnailJpeg());
  }

  private static Optional<double[]> box(PhotoAnalysis analysis) {
    return analysis.largestFace().map(face -> face.box().toXywh());
  }
}
