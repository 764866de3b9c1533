package dev.facegate.models.image;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * What the decoder needs from a JPEG's marker segments, read without decoding: the EXIF orientation
 * (APP1) and the Adobe colour transform (APP14). The JDK's metadata tree is not used because the
 * reader runs with metadata ignored.
 *
 * <p>Parsing is defensive: malformed segments are ignored (orientation 1, no Adobe marker) rather
 * than failing an otherwise decodable image.
 *
 * @param orientation EXIF orientation 1..8 (1 = as stored)
 * @param adobeTransform the APP14 transform (0 = RGB/CMYK, 1 = YCbCr, 2 = YCCK), or -1 if absent
 */
record JpegMarkers(int orientation, int adobeTransform) {

  static final JpegMarkers NONE = new JpegMarkers(1, -1);

  static boolean isJpeg(byte[] b) {
    return b.length > 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8;
  }

  static JpegMarkers read(byte[] b) {
    if (!isJpeg(b)) {
      return NONE;
    }
    int orientation = 1;
    int adobe = -1;
    int i = 2;
    while (i + 4 <= b.length) {
      if ((b[i] & 0xff) != 0xFF) {
        break;
      }
      int marker = b[i + 1] & 0xff;
      if (marker == 0xFF) {
        i++;
        continue;
      }
      if (marker == 0xDA || marker == 0xD9) {
        break; // start of scan: no more header segments
      }
      int len = ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
      int body = i + 4;
      int end = i + 2 + len;
      if (len < 2 || end > b.length) {
        break;
      }
      if (marker == 0xE1 && len >= 8 && startsWith(b, body, "Exif\0\0")) {
        orientation = exifOrientation(b, body + 6, end);
      } else if (marker == 0xEE && len >= 14 && startsWith(b, body, "Adobe")) {
        adobe = b[body + 11] & 0xff;
      }
      i = end;
    }
    return new JpegMarkers(orientation, adobe);
  }

  private static boolean startsWith(byte[] b, int at, String s) {
    if (at + s.length() > b.length) {
      return false;
    }
    for (int k = 0; k < s.length(); k++) {
      if (b[at + k] != (byte) s.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** Reads tag 0x0112 of IFD0 from the TIFF structure in {@code [tiff, end)}. */
  private static int exifOrientation(byte[] b, int tiff, int end) {
    if (tiff + 8 > end) {
      return 1;
    }
    ByteBuffer buf = ByteBuffer.wrap(b, 0, end);
    if (b[tiff] == 'I' && b[tiff + 1] == 'I') {
      buf.order(ByteOrder.LITTLE_ENDIAN);
    } else if (b[tiff] == 'M' && b[tiff + 1] == 'M') {
      buf.order(ByteOrder.BIG_ENDIAN);
    } else {
      return 1;
    }
    long ifd = Integer.toUnsignedLong(buf.getInt(tiff + 4));
    if (ifd < 8 || tiff + ifd + 2 > end) {
      return 1;
    }
    int p = (int) (tiff + ifd);
    int entries = Short.toUnsignedInt(buf.getShort(p));
    for (int e = 0; e < entries; e++) {
      int entry = p + 2 + 12 * e;
      if (entry + 12 > end) {
        return 1;
      }
      if (Short.toUnsignedInt(buf.getShort(entry)) == 0x0112) {
        int v = Short.toUnsignedInt(buf.getShort(entry + 8));
        return v >= 1 && v <= 8 ? v : 1;
      }
    }
    return 1;
  }
}
