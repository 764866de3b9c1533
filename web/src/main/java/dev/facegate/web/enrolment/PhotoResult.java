package dev.facegate.web.enrolment;

import dev.facegate.enrolment.boundary.PhotoVerdict;
import dev.facegate.enrolment.boundary.Refusal;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.util.Base64;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * One uploaded photo as the page shows it: the verdict, a small thumbnail (a data URI kept in the
 * view only, never written anywhere) and the detected face box in percent of the photo, so that CSS
 * can draw it over the thumbnail.
 */
public final class PhotoResult implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final int THUMBNAIL_WIDTH = 240;

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

  static PhotoResult of(PhotoVerdict verdict, byte[] photo) {
    BufferedImage image = decode(photo);
    String box = null;
    if (image != null && verdict.faceBox().isPresent()) {
      double[] b = verdict.faceBox().get();
      double w = image.getWidth();
      double h = image.getHeight();
      box =
          String.format(
              Locale.ROOT,
              "left:%.2f%%;top:%.2f%%;width:%.2f%%;height:%.2f%%",
              100 * b[0] / w,
              100 * b[1] / h,
              100 * b[2] / w,
              100 * b[3] / h);
    }
    return new PhotoResult(
        verdict.fileName(),
        verdict.accepted(),
        verdict.accepted()
            ? "Accepted as template " + verdict.templateId().orElseThrow()
            : verdict.refusal().map(Refusal::message).orElse("Refused."),
        verdict.detail(),
        image == null ? null : thumbnail(image),
        box);
  }

  private static BufferedImage decode(byte[] photo) {
    try {
      return ImageIO.read(new ByteArrayInputStream(photo));
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static String thumbnail(BufferedImage image) {
    int width = Math.min(THUMBNAIL_WIDTH, image.getWidth());
    int height =
        Math.max(1, (int) Math.round((double) image.getHeight() * width / image.getWidth()));
    BufferedImage small = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = small.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(image, 0, 0, width, height, null);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(small, "jpg", out);
    } catch (IOException e) {
      return null;
    }
    return "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
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
