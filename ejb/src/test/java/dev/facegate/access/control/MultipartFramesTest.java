package dev.facegate.access.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.facegate.access.boundary.MalformedBurstException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultipartFramesTest {

  private static final String BOUNDARY = "----burst7d3";
  private static final String TYPE = "multipart/form-data; boundary=" + BOUNDARY;

  @Test
  void framesComeOutInOrderWithTheirExactBytes() {
    byte[] a = {(byte) 0xff, (byte) 0xd8, '\r', '\n', '-', '-', 'x', (byte) 0xff, (byte) 0xd9};
    byte[] b = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2};

    List<byte[]> frames = MultipartFrames.parse(body(BOUNDARY, "image/jpeg", a, b), TYPE, 5);

    assertThat(frames).hasSize(2);
    assertThat(frames.get(0)).isEqualTo(a);
    assertThat(frames.get(1)).isEqualTo(b);
  }

  @Test
  void aPreambleAQuotedBoundaryAndPartsWithoutHeadersAreAccepted() {
    byte[] frame = {1, 2, 3};
    String raw = "preamble\r\n--abc\r\n\r\n\u0001\u0002\u0003\r\n--abc--\r\nepilogue";

    List<byte[]> frames =
        MultipartFrames.parse(
            raw.getBytes(StandardCharsets.ISO_8859_1), "multipart/mixed; boundary=\"abc\"", 5);

    assertThat(frames).singleElement().satisfies(f -> assertThat(f).isEqualTo(frame));
  }

  @Test
  void moreThanTheAllowedFramesAreRefused() {
    byte[][] six = new byte[6][];
    Arrays.fill(six, new byte[] {1, 2, 3});

    assertThatThrownBy(() -> MultipartFrames.parse(body(BOUNDARY, "image/jpeg", six), TYPE, 5))
        .isInstanceOf(MalformedBurstException.class)
        .hasMessageContaining("at most 5 frames");
    assertThat(MultipartFrames.parse(body(BOUNDARY, "image/jpeg", Arrays.copyOf(six, 5)), TYPE, 5))
        .hasSize(5);
  }

  @Test
  void aTruncatedBodyIsRefusedNotReadUpToWhereItStops() {
    byte[] whole = body(BOUNDARY, "image/jpeg", new byte[] {1, 2, 3}, new byte[] {4, 5, 6});
    for (int cut : new int[] {whole.length - 3, whole.length / 2, 20}) {
      assertThatThrownBy(() -> MultipartFrames.parse(Arrays.copyOf(whole, cut), TYPE, 5))
          .as("cut at " + cut)
          .isInstanceOf(MalformedBurstException.class);
    }
  }

  @Test
  void partsThatAreNotImagesEmptyPartsAndBadBoundariesAreRefused() {
    assertThatThrownBy(
            () -> MultipartFrames.parse(body(BOUNDARY, "text/plain", new byte[] {1}), TYPE, 5))
        .isInstanceOf(MalformedBurstException.class)
        .hasMessageContaining("text/plain");
    assertThatThrownBy(
            () -> MultipartFrames.parse(body(BOUNDARY, "image/png", new byte[0]), TYPE, 5))
        .hasMessageContaining("empty");
    byte[] ok = body(BOUNDARY, "image/png", new byte[] {1});
    assertThatThrownBy(() -> MultipartFrames.parse(ok, "multipart/form-data", 5))
        .hasMessageContaining("boundary");
    assertThatThrownBy(
            () ->
                MultipartFrames.parse(
                    ok, "multipart/form-data; boundary=a; boundary=" + BOUNDARY, 5))
        .hasMessageContaining("more than one boundary");
    assertThatThrownBy(() -> MultipartFrames.parse(ok, "multipart/form-data; boundary=other", 5))
        .hasMessageContaining("no part");
    assertThatThrownBy(() -> MultipartFrames.parse(ok, "image/jpeg", 5))
        .isInstanceOf(MalformedBurstException.class);
    assertThatThrownBy(
            () ->
                MultipartFrames.parse(
                    ("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII), TYPE, 5))
        .hasMessageContaining("no frame");
  }

  /** A form-data body as browsers and curl write it. */
  static byte[] body(String boundary, String type, byte[]... frames) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < frames.length; i++) {
      out.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\"frame\"; filename=\"f"
                  + i
                  + "\"\r\nContent-Type: "
                  + type
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.writeBytes(frames[i]);
      out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }
}
