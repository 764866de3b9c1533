package dev.facegate.web.enrolment;

import dev.facegate.enrolment.boundary.PhotoVerdict;
import dev.facegate.enrolment.boundary.Refusal;
import java.io.Serializable;
import java.util.Base64;
import java.util.Locale;

/**
 * One uploaded photo as the page shows it: the verdict, a small thumbnail (a data URI kept in the
 * view only, never written anywhere) and the detected face box in percent of the photo, so that CSS
 * can draw it over the thumbnail.
 *
 * <p>Thumbnail and photo size come with the verdict, from the image the server's decoder made (EXIF
 * orientation applied, pixel limit checked): the page never decodes an upload itself, so the box
 * sits on the face of a rotated phone photo too.
 */
public final class PhotoResult implements Serializable {

  private static final long serialVersionUID = 1L;

  private final String fileName;
  private final boolean accepted;
  private final String verdict;
  private final String detail;
  private final String thumbnail;
  private final String boxStyle;

  private PhotoResult(
      String fileName,
      boolean accepted,
      String verdict,
      String detail,
      String thumbnail,
      String boxStyle) {
    this.fileName = fileName;
    this.accepted = accepted;
    this.verdict = verdict;
    this.detail = detail;
    this.thumbnail = thumbnail;
    this.boxStyle = boxStyle;
  }

  static PhotoResult of(PhotoVerdict verdict) {
    String box = null;
    if (verdict.faceBox().isPresent() && verdict.photoSize().isPresent()) {
      box = boxStyle(verdict.faceBox().get(), verdict.photoSize().get());
    }
    return new PhotoResult(
        verdict.fileName(),
        verdict.accepted(),
        verdict.accepted()
            ? "Accepted as template " + verdict.templateId().orElseThrow()
            : verdict.refusal().map(Refusal::message).orElse("Refused."),
        verdict.detail(),
        verdict
            .thumbnailJpeg()
            .map(jpeg -> "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(jpeg))
            .orElse(null),
        box);
  }

  /** The box {@code [x, y, w, h]} in percent of the photo {@code [width, height]}, as CSS. */
  static String boxStyle(double[] box, int[] photoSize) {
    double w = photoSize[0];
    double h = photoSize[1];
    return String.format(
        Locale.ROOT,
        "left:%.2f%%;top:%.2f%%;width:%.2f%%;height:%.2f%%",
        100 * box[0] / w,
        100 * box[1] / h,
        100 * box[2] / w,
        100 * box[3] / h);
  }

  public String getFileName() {
    return fileName;
  }

  public boolean isAccepted() {
    return accepted;
  }

  public String getVerdict() {
    return verdict;
  }

  public String getDetail() {
    return detail;
  }

  public String getThumbnail() {
    return thumbnail;
  }

  public String getBoxStyle() {
    return boxStyle;
  }
}
