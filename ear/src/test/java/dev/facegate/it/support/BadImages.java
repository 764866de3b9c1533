package dev.facegate.it.support;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** The bad uploads every upload path must survive, made at test time from real photos. */
public final class BadImages {

  private BadImages() {}

  /** The first half of a real JPEG. */
  public static byte[] truncatedJpeg(byte[] jpeg) {
    return Arrays.copyOf(jpeg, jpeg.length / 2);
  }

  public static byte[] textFile() {
    return "This is a text file named photo.jpg, not an image.\n"
        .repeat(20)
        .getBytes(StandardCharsets.UTF_8);
  }

  /** A PNG whose header declares 50000 x 50000 pixels (7.5 GB decoded) and holds no pixels. */
  public static byte[] pngBomb() {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
      ByteArrayOutputStream chunk = new ByteArrayOutputStream();
      DataOutputStream ihdr = new DataOutputStream(chunk);
      ihdr.writeBytes("IHDR");
      ihdr.writeInt(50_000);
      ihdr.writeInt(50_000);
      ihdr.write(new byte[] {8, 2, 0, 0, 0});
      byte[] data = chunk.toByteArray();
      out.writeInt(data.length - 4);
      out.write(data);
      CRC32 crc = new CRC32();
      crc.update(data);
      out.writeInt((int) crc.getValue());
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** 30 MB that start like a JPEG. */
  public static byte[] oversized() {
    byte[] body = new byte[30 * 1024 * 1024];
    new Random(7).nextBytes(body);
    body[0] = (byte) 0xFF;
    body[1] = (byte) 0xD8;
    body[2] = (byte) 0xFF;
    return body;
  }

  /** A real photo re-encoded as an Adobe CMYK JPEG (inverted CMYK, as Photoshop writes it). */
  public static byte[] cmykJpeg(byte[] photo) {
    try {
      BufferedImage rgb = ImageIO.read(new ByteArrayInputStream(photo));
      WritableRaster raster =
          Raster.createInterleavedRaster(
              DataBuffer.TYPE_BYTE, rgb.getWidth(), rgb.getHeight(), 4, null);
      for (int y = 0; y < rgb.getHeight(); y++) {
        for (int x = 0; x < rgb.getWidth(); x++) {
          int p = rgb.getRGB(x, y);
          int r = (p >> 16) & 0xFF;
          int g = (p >> 8) & 0xFF;
          int b = p & 0xFF;
          int k = 255 - Math.max(r, Math.max(g, b));
          int c = k == 255 ? 0 : (255 - r - k) * 255 / (255 - k);
          int m = k == 255 ? 0 : (255 - g - k) * 255 / (255 - k);
          int ye = k == 255 ? 0 : (255 - b - k) * 255 / (255 - k);
          raster.setPixel(x, y, new int[] {255 - c, 255 - m, 255 - ye, 255 - k});
        }
      }
      ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
      ByteArrayOutputStream encoded = new ByteArrayOutputStream();
      try (ImageOutputStream out = ImageIO.createImageOutputStream(encoded)) {
        writer.setOutput(out);
        writer.write(null, new IIOImage(raster, null, null), null);
      } finally {
        writer.dispose();
      }
      return withAdobeMarker(encoded.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Inserts an APP14 "Adobe" segment (transform 0: plain CMYK) right after SOI. */
  private static byte[] withAdobeMarker(byte[] jpeg) throws IOException {
    ByteArrayOutputStream segment = new ByteArrayOutputStream();
    DataOutputStream d = new DataOutputStream(segment);
    d.writeShort(0xFFEE);
    d.writeShort(14);
    d.writeBytes("Adobe");
    d.writeShort(100);
    d.writeShort(0);
    d.writeShort(0);
    d.writeByte(0);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2);
    out.write(segment.toByteArray());
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }
}
