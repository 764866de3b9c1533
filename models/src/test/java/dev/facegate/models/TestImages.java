package dev.facegate.models;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Images made from test photos: rotated as a phone stores them, with EXIF orientation. */
public final class TestImages {

  private TestImages() {}

  /**
   * A JPEG as a phone stores a portrait: the pixels turned a quarter counter-clockwise and EXIF
   * orientation 6 ("turn 90 degrees clockwise to view"), so a decoder that honours EXIF shows the
   * original upright.
   */
  public static byte[] storedRotatedWithExif(byte[] uprightJpeg) {
    return withExifOrientation(rotatedCounterClockwise(uprightJpeg), 6);
  }

  /** The image turned a quarter counter-clockwise, as JPEG. */
  public static byte[] rotatedCounterClockwise(byte[] jpeg) {
    try {
      BufferedImage source = ImageIO.read(new ByteArrayInputStream(jpeg));
      int w = source.getWidth();
      int h = source.getHeight();
      BufferedImage turned = new BufferedImage(h, w, BufferedImage.TYPE_INT_RGB);
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          turned.setRGB(y, w - 1 - x, source.getRGB(x, y));
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(turned, "jpg", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Inserts an APP1 EXIF segment (big-endian TIFF, one IFD0 entry: Orientation) after SOI. */
  public static byte[] withExifOrientation(byte[] jpeg, int orientation) {
    try {
      ByteArrayOutputStream tiff = new ByteArrayOutputStream();
      DataOutputStream t = new DataOutputStream(tiff);
      t.writeBytes("MM");
      t.writeShort(42);
      t.writeInt(8); // IFD0 offset
      t.writeShort(1); // one entry
      t.writeShort(0x0112);
      t.writeShort(3); // SHORT
      t.writeInt(1);
      t.writeShort(orientation);
      t.writeShort(0);
      t.writeInt(0); // no next IFD
      ByteArrayOutputStream segment = new ByteArrayOutputStream();
      DataOutputStream d = new DataOutputStream(segment);
      d.writeShort(0xFFE1);
      d.writeShort(2 + 6 + tiff.size());
      d.writeBytes("Exif");
      d.writeShort(0);
      d.write(tiff.toByteArray());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write(jpeg, 0, 2);
      out.write(segment.toByteArray());
      out.write(jpeg, 2, jpeg.length - 2);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
