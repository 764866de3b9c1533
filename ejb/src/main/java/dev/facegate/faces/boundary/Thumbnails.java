package dev.facegate.faces.boundary;

import dev.facegate.models.image.RgbImage;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Small JPEG previews of decoded photos (never of raw uploads: those may be bombs). */
final class Thumbnails {

  private Thumbnails() {}

  /**
   * Scales the image down to {@code maxWidth} (never up) and encodes it as JPEG.
   *
   * @param image the decoded, upright image
   * @param maxWidth the widest the thumbnail may be
   * @return the JPEG bytes
   */
  static byte[] jpeg(RgbImage image, int maxWidth) {
    int width = Math.min(maxWidth, image.width());
    int height = Math.max(1, (int) Math.round((double) image.height() * width / image.width()));
    BufferedImage small = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = small.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.drawImage(image.toBufferedImage(), 0, 0, width, height, null);
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(small, "jpg", out)) {
        throw new IllegalStateException("No JPEG writer in this JVM");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("JPEG encoding of a thumbnail failed", e);
    }
    return out.toByteArray();
  }
}
