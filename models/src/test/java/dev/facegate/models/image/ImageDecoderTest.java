package dev.facegate.models.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.facegate.models.TestFaces;
import dev.facegate.models.TestImages;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;

class ImageDecoderTest {

  private final ImageDecoder decoder = ImageDecoder.newInstance();

  @Test
  void decodesARealJpeg() throws IOException {
    RgbImage img = decoder.decodeRgb(TestFaces.file("faceapijs/test_images/faces.jpg"));
    assertThat(img.width()).isEqualTo(710);
    assertThat(img.height()).isEqualTo(473);
  }

  @Test
  void refusesZeroBytes() {
    assertThatThrownBy(() -> decoder.decodeRgb(new byte[0]))
        .isInstanceOf(ImageDecodingException.class)
        .hasMessageContaining("Empty input");
  }

  @Test
  void refusesText() {
    byte[] text = "name,score\nalice,0.9\n".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> decoder.decodeRgb(text))
        .isInstanceOf(ImageDecodingException.class)
        .hasMessageContaining("Not a supported image format");
  }

  @Test
  void refusesATruncatedJpeg() throws IOException {
    byte[] jpeg = Files.readAllBytes(TestFaces.file("faceapijs/test_images/faces.jpg"));
    for (double keep : new double[] {0.6, 0.1, 0.002}) {
      byte[] cut = Arrays.copyOf(jpeg, (int) (jpeg.length * keep));
      assertThatThrownBy(() -> decoder.decodeRgb(cut))
          .as("keeping %s of the file", keep)
          .isInstanceOf(ImageDecodingException.class);
    }
  }

  @Test
  void refusesAPixelBombFromItsHeaderAlone() throws IOException {
    // A PNG whose header declares 50000 x 50000 pixels, followed by no image data at all: the
    // limit must trip on the header, before anything would be decoded or allocated.
    byte[] png = pngHeaderOnly(50_000, 50_000);
    assertThatThrownBy(() -> decoder.decodeRgb(png))
        .isInstanceOfSatisfying(
            ImageTooLargeException.class,
            e -> {
              assertThat(e.getWidth()).isEqualTo(50_000);
              assertThat(e.getMaxPixels()).isEqualTo(ImageDecoder.DEFAULT_MAX_PIXELS);
            })
        .hasMessageContaining("50000x50000");
    ImageDecoder small = ImageDecoder.builder().optMaxPixels(100).build();
    assertThatThrownBy(() -> small.decodeRgb(encode(new BufferedImage(11, 10, 1), "png")))
        .isInstanceOf(ImageTooLargeException.class);
  }

  @Test
  void convertsAnAdobeCmykJpeg() throws IOException {
    // Left half red, right half blue, stored the way Adobe software writes CMYK: inverted.
    WritableRaster r = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 32, 16, 4, null);
    for (int y = 0; y < 16; y++) {
      for (int x = 0; x < 32; x++) {
        int[] cmyk = x < 16 ? new int[] {0, 255, 255, 0} : new int[] {255, 255, 0, 0};
        r.setPixel(x, y, Arrays.stream(cmyk).map(v -> 255 - v).toArray());
      }
    }
    byte[] jpeg = withAdobeMarker(encodeRaster(r), 0);

    RgbImage img = decoder.decodeRgb(jpeg);

    assertThat(img.width()).isEqualTo(32);
    assertClose(img.rgb(4, 8), 0xff0000);
    assertClose(img.rgb(28, 8), 0x0000ff);
  }

  @Test
  void convertsAnAdobeYcckJpeg() throws IOException {
    // YCCK holds inverted C, M, Y as YCbCr: pure red is Y=76, Cb=85, Cr=255 with K inverted (255).
    WritableRaster r = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 16, 16, 4, null);
    for (int y = 0; y < 16; y++) {
      for (int x = 0; x < 16; x++) {
        r.setPixel(x, y, new int[] {76, 85, 255, 255});
      }
    }
    RgbImage img = decoder.decodeRgb(withAdobeMarker(encodeRaster(r), 2));
    assertClose(img.rgb(8, 8), 0xff0000);
  }

  @Test
  void aDecoderLimitedToJpegAndPngRefusesOtherFormatsByContentNotName() throws IOException {
    BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
    byte[] gif = encode(img, "gif");
    byte[] bmp = encode(img, "bmp");
    ImageDecoder jpegAndPng =
        ImageDecoder.builder().optFormats(ImageFormat.JPEG, ImageFormat.PNG).build();

    assertThat(decoder.decodeRgb(gif).width()).isEqualTo(8);
    assertThatThrownBy(() -> jpegAndPng.decodeRgb(gif))
        .isInstanceOf(UnsupportedImageFormatException.class)
        .hasMessageContaining("JPEG, PNG");
    assertThatThrownBy(() -> jpegAndPng.decodeRgb(bmp))
        .isInstanceOf(UnsupportedImageFormatException.class);
    assertThatThrownBy(() -> jpegAndPng.decodeRgb("not an image".getBytes()))
        .isInstanceOf(UnsupportedImageFormatException.class);
    assertThat(jpegAndPng.decodeRgb(encode(img, "png")).width()).isEqualTo(8);
    assertThat(jpegAndPng.decodeRgb(encode(img, "jpg")).width()).isEqualTo(8);
  }

  @Test
  void fileNamesMatchTheirFormatsExtensions() {
    assertThat(ImageFormat.JPEG.matchesFileName("IMG_0001.JPG")).isTrue();
    assertThat(ImageFormat.JPEG.matchesFileName("a.jpeg")).isTrue();
    assertThat(ImageFormat.PNG.matchesFileName("a.jpg")).isFalse();
    assertThat(ImageFormat.PNG.matchesFileName("png")).isFalse();
    assertThat(ImageFormat.ofImageIoName("JPEG")).contains(ImageFormat.JPEG);
  }

  @Test
  void appliesExifOrientation() throws IOException {
    // A 20 x 10 image, red on the left; orientation 6 means "rotate 90 degrees clockwise to view".
    BufferedImage img = new BufferedImage(20, 10, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 20, 10);
    g.setColor(Color.RED);
    g.fillRect(0, 0, 8, 10);
    g.dispose();
    byte[] jpeg = withExifOrientation(encode(img, "jpg"), 6);

    RgbImage upright = decoder.decodeRgb(jpeg);

    assertThat(upright.width()).isEqualTo(10);
    assertThat(upright.height()).isEqualTo(20);
    assertClose(upright.rgb(5, 2), 0xff0000); // the red left edge is now on top
    assertClose(upright.rgb(5, 17), 0xffffff);
    assertThat(ImageDecoder.orient(upright, 1)).isSameAs(upright);
  }

  @Test
  void turnsGrayPaletteAndAlphaIntoRgb() throws IOException {
    BufferedImage gray = new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY);
    gray.getRaster().setSample(1, 1, 0, 100);
    RgbImage g = decoder.decodeRgb(encode(gray, "png"));
    // Raster values are copied, not colour-converted (getRGB would brighten 100 to about 168).
    assertThat(g.rgb(1, 1)).isEqualTo(0x646464);

    IndexColorModel palette =
        new IndexColorModel(
            2, 2, new byte[] {0, (byte) 200}, new byte[] {0, 10}, new byte[] {0, 20});
    BufferedImage indexed = new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_BINARY, palette);
    indexed.getRaster().setSample(2, 2, 0, 1);
    assertThat(decoder.decodeRgb(encode(indexed, "png")).rgb(2, 2)).isEqualTo(0xc80a14);

    BufferedImage alpha = new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB);
    alpha.setRGB(0, 0, 0x00000000); // fully transparent black
    alpha.setRGB(1, 0, 0xff0000ff); // opaque blue
    RgbImage a = decoder.decodeRgb(encode(alpha, "png"));
    assertThat(a.rgb(0, 0)).isEqualTo(0xffffff);
    assertThat(a.rgb(1, 0)).isEqualTo(0x0000ff);

    BufferedImage gray16 = new BufferedImage(2, 2, BufferedImage.TYPE_USHORT_GRAY);
    gray16.getRaster().setSample(0, 0, 0, 65535);
    assertThat(RgbImage.of(gray16).rgb(0, 0)).isEqualTo(0xffffff);
  }

  private static void assertClose(int rgb, int expected) {
    for (int shift = 0; shift <= 16; shift += 8) {
      assertThat((rgb >> shift) & 0xff)
          .as("channel at bit %d of %06x", shift, rgb)
          .isBetween(((expected >> shift) & 0xff) - 40, ((expected >> shift) & 0xff) + 40);
    }
  }

  private static byte[] encode(BufferedImage img, String format) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(ImageIO.write(img, format, out)).isTrue();
    return out.toByteArray();
  }

  private static byte[] encodeRaster(Raster r) throws IOException {
    ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bos = new ByteArrayOutputStream();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(bos)) {
      w.setOutput(out);
      w.write(null, new IIOImage(r, null, null), null);
    } finally {
      w.dispose();
    }
    return bos.toByteArray();
  }

  /** Inserts an APP14 "Adobe" segment right after the SOI marker. */
  private static byte[] withAdobeMarker(byte[] jpeg, int transform) throws IOException {
    ByteArrayOutputStream seg = new ByteArrayOutputStream();
    DataOutputStream d = new DataOutputStream(seg);
    d.writeShort(0xFFEE);
    d.writeShort(14);
    d.writeBytes("Adobe");
    d.writeShort(100); // version
    d.writeShort(0); // flags0
    d.writeShort(0); // flags1
    d.writeByte(transform);
    return insertAfterSoi(jpeg, seg.toByteArray());
  }

  private static byte[] withExifOrientation(byte[] jpeg, int orientation) {
    return TestImages.withExifOrientation(jpeg, orientation);
  }

  private static byte[] insertAfterSoi(byte[] jpeg, byte[] segment) {
    byte[] out = new byte[jpeg.length + segment.length];
    System.arraycopy(jpeg, 0, out, 0, 2);
    System.arraycopy(segment, 0, out, 2, segment.length);
    System.arraycopy(jpeg, 2, out, 2 + segment.length, jpeg.length - 2);
    return out;
  }

  private static byte[] pngHeaderOnly(int width, int height) throws IOException {
    ByteArrayOutputStream bos = new ByteArrayOutputStream();
    DataOutputStream d = new DataOutputStream(bos);
    d.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
    DataOutputStream h = new DataOutputStream(ihdr);
    h.writeBytes("IHDR");
    h.writeInt(width);
    h.writeInt(height);
    h.writeByte(8); // bit depth
    h.writeByte(2); // RGB
    h.writeByte(0);
    h.writeByte(0);
    h.writeByte(0);
    byte[] chunk = ihdr.toByteArray();
    d.writeInt(chunk.length - 4);
    d.write(chunk);
    CRC32 crc = new CRC32();
    crc.update(chunk);
    d.writeInt((int) crc.getValue());
    return bos.toByteArray();
  }
}
