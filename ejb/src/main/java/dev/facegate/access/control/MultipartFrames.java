package dev.facegate.access.control;

import dev.facegate.access.boundary.MalformedBurstException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Takes a door's burst apart: a {@code multipart/form-data} (or {@code multipart/mixed}) body (RFC
 * 2046 5.1, RFC 7578) whose every part is one camera frame. Strict on purpose, because the body is
 * parsed after its digest was checked and a lenient parser is where two parties start to disagree
 * on what was signed: exactly one boundary parameter, the body must end with the close delimiter (a
 * truncated body is refused, not read up to where it stops), every part has a header block and a
 * non-empty body, at most {@code maxFrames} parts.
 *
 * <p>Each part's {@code Content-Type} must be {@code image/jpeg}, {@code image/png} or {@code
 * application/octet-stream} (or absent); the frames themselves are checked by the image decoder
 * (pixel limit before decoding, truncated or non-image data refused).
 */
public final class MultipartFrames {

  private static final Set<String> FRAME_TYPES =
      Set.of("image/jpeg", "image/png", "application/octet-stream");
  private static final int MAX_PART_HEADERS = 8 * 1024;
  private static final byte[] CRLF = {'\r', '\n'};
  private static final byte[] HEADERS_END = {'\r', '\n', '\r', '\n'};

  private MultipartFrames() {}

  /** Whether a request's content type announces a multipart burst. */
  public static boolean isMultipart(String contentType) {
    return contentType != null
        && contentType.strip().toLowerCase(Locale.ROOT).startsWith("multipart/");
  }

  /**
   * The frames of a burst, in the order sent.
   *
   * @param body the request body, whose digest has been checked
   * @param contentType the request's (signed) {@code Content-Type}
   * @param maxFrames the most frames accepted
   * @return the frames' bytes, at least one
   * @throws MalformedBurstException when the body is not a well-formed burst
   */
  public static List<byte[]> parse(byte[] body, String contentType, int maxFrames) {
    byte[] delimiter = ("--" + boundary(contentType)).getBytes(StandardCharsets.US_ASCII);
    byte[] next = concat(CRLF, delimiter);
    // The first delimiter starts the body or follows a preamble's CRLF (RFC 2046).
    int at;
    if (startsWith(body, 0, delimiter)) {
      at = delimiter.length;
    } else {
      int first = indexOf(body, next, 0);
      if (first < 0) {
        throw new MalformedBurstException("The burst holds no part with the declared boundary.");
      }
      at = first + next.length;
    }
    List<byte[]> frames = new ArrayList<>();
    while (true) {
      if (startsWith(body, at, new byte[] {'-', '-'})) {
        break;
      }
      at = skipTransportPadding(body, at);
      if (!startsWith(body, at, CRLF)) {
        throw new MalformedBurstException("A multipart delimiter is not followed by a line break.");
      }
      at += CRLF.length;
      if (frames.size() == maxFrames) {
        throw new MalformedBurstException(
            "A burst holds at most " + maxFrames + " frames; this one holds more.");
      }
      int headersEnd;
      if (startsWith(body, at, CRLF)) {
        headersEnd = at; // no headers at all: the blank line comes first
      } else {
        headersEnd = indexOf(body, HEADERS_END, at);
        if (headersEnd < 0 || headersEnd - at > MAX_PART_HEADERS) {
          throw new MalformedBurstException(
              "Part " + (frames.size() + 1) + " has no complete header block (truncated?).");
        }
        checkPartType(new String(body, at, headersEnd - at, StandardCharsets.ISO_8859_1), frames);
        headersEnd += CRLF.length;
      }
      int contentStart = headersEnd + CRLF.length;
      int contentEnd = indexOf(body, next, contentStart);
      if (contentEnd < 0) {
        throw new MalformedBurstException(
            "The burst ends inside part " + (frames.size() + 1) + " (truncated).");
      }
      if (contentEnd == contentStart) {
        throw new MalformedBurstException("Part " + (frames.size() + 1) + " is empty.");
      }
      frames.add(Arrays.copyOfRange(body, contentStart, contentEnd));
      at = contentEnd + next.length;
    }
    if (frames.isEmpty()) {
      throw new MalformedBurstException("The burst holds no frame.");
    }
    return List.copyOf(frames);
  }

  /** The boundary parameter of a multipart content type (RFC 2046 5.1.1: 1 to 70 characters). */
  static String boundary(String contentType) {
    if (!isMultipart(contentType)) {
      throw new MalformedBurstException("A burst is sent as multipart/form-data.");
    }
    String found = null;
    for (String parameter : contentType.split(";")) {
      int eq = parameter.indexOf('=');
      if (eq < 0 || !parameter.substring(0, eq).strip().equalsIgnoreCase("boundary")) {
        continue;
      }
      if (found != null) {
        throw new MalformedBurstException("The content type names more than one boundary.");
      }
      String value = parameter.substring(eq + 1).strip();
      if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
        value = value.substring(1, value.length() - 1);
      }
      found = value;
    }
    if (found == null
        || found.isEmpty()
        || found.length() > 70
        || !found.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
      throw new MalformedBurstException(
          "The multipart content type needs a boundary of 1 to 70 printable characters.");
    }
    return found;
  }

  private static void checkPartType(String headers, List<byte[]> frames) {
    for (String line : headers.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase("content-type")) {
        String type = line.substring(colon + 1).split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (!FRAME_TYPES.contains(type)) {
          throw new MalformedBurstException(
              "Part "
                  + (frames.size() + 1)
                  + " is "
                  + (type.length() > 60 ? type.substring(0, 60) : type)
                  + "; frames are image/jpeg or image/png.");
        }
      }
    }
  }

  /** Linear white space a sender may put after a delimiter (RFC 2046 "transport-padding"). */
  private static int skipTransportPadding(byte[] body, int at) {
    while (at < body.length && (body[at] == ' ' || body[at] == '\t')) {
      at++;
    }
    return at;
  }

  private static boolean startsWith(byte[] body, int at, byte[] prefix) {
    if (at < 0 || at + prefix.length > body.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (body[at + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(byte[] body, byte[] needle, int from) {
    for (int i = Math.max(from, 0); i + needle.length <= body.length; i++) {
      if (startsWith(body, i, needle)) {
        return i;
      }
    }
    return -1;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
