package dev.facegate.it.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A video for Chromium's fake camera ({@code --use-file-for-fake-video-capture}), built at test
 * time from shared photos: Y4M (YUV4MPEG2, 4:2:0), the format Chromium reads, written here rather
 * than by ffmpeg so the tests need no extra tool. Chromium plays it at its frame rate and loops it.
 *
 * <p>Each scene is one still photo (scaled to fit, centred on a grey background, like a person
 * standing in front of a wall) or the empty background, for a number of seconds.
 */
public final class FakeCamera {

  /** The camera's picture size: what a kiosk asks for. */
  public static final int WIDTH = 640;

  public static final int HEIGHT = 480;

  /** Frames per second of the file. */
  public static final int FPS = 5;

  private static final Color WALL = new Color(0x8a, 0x8f, 0x94);

  private record Scene(BufferedImage picture, double seconds) {}

  private final List<Scene> scenes = new ArrayList<>();

  /** A scene of the photo at {@code Faces.dir()/relativePath}, scaled to fit the picture. */
  public FakeCamera photo(String relativePath, double seconds) {
    try {
      BufferedImage photo = ImageIO.read(new ByteArrayInputStream(Faces.read(relativePath)));
      scenes.add(new Scene(fit(photo), seconds));
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A scene of an encoded image made by the test (JPEG or PNG), scaled to fit the picture. */
  public FakeCamera image(byte[] encoded, double seconds) {
    try {
      scenes.add(new Scene(fit(ImageIO.read(new ByteArrayInputStream(encoded))), seconds));
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A scene with nobody in front of the camera. */
  public FakeCamera empty(double seconds) {
    scenes.add(new Scene(fit(null), seconds));
    return this;
  }

  /** Writes the video to {@code target/fake-camera/NAME.y4m} and returns its path. */
  public Path write(String name) {
    try {
      Path directory = Path.of("target", "fake-camera");
      Files.createDirectories(directory);
      Path file = directory.resolve(name + ".y4m").toAbsolutePath();
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
        out.write(
            ("YUV4MPEG2 W" + WIDTH + " H" + HEIGHT + " F" + FPS + ":1 Ip A1:1 C420jpeg\n")
                .getBytes(StandardCharsets.US_ASCII));
        for (Scene scene : scenes) {
          byte[] frame = i420(scene.picture());
          long count = Math.max(1, Math.round(scene.seconds() * FPS));
          for (long i = 0; i < count; i++) {
            out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
            out.write(frame);
          }
        }
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static BufferedImage fit(BufferedImage photo) {
    BufferedImage canvas = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = canvas.createGraphics();
    g.setColor(WALL);
    g.fillRect(0, 0, WIDTH, HEIGHT);
    if (photo != null) {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
      double scale =
          Math.min((double) WIDTH / photo.getWidth(), (double) HEIGHT / photo.getHeight());
      int w = (int) Math.round(photo.getWidth() * scale);
      int h = (int) Math.round(photo.getHeight() * scale);
      g.drawImage(photo, (WIDTH - w) / 2, (HEIGHT - h) / 2, w, h, null);
    }
    g.dispose();
    return canvas;
  }

  /** Full-range BT.601 (JPEG) YUV 4:2:0, planar: Y, then U and V at half resolution. */
  private static byte[] i420(BufferedImage rgb) {
    byte[] out = new byte[WIDTH * HEIGHT * 3 / 2];
    int uOffset = WIDTH * HEIGHT;
    int vOffset = uOffset + WIDTH * HEIGHT / 4;
    for (int y = 0; y < HEIGHT; y++) {
      for (int x = 0; x < WIDTH; x++) {
        int p = rgb.getRGB(x, y);
        int r = (p >> 16) & 0xff;
        int g = (p >> 8) & 0xff;
        int b = p & 0xff;
        out[y * WIDTH + x] = clamp(0.299 * r + 0.587 * g + 0.114 * b);
        if ((x & 1) == 0 && (y & 1) == 0) {
          int index = (y / 2) * (WIDTH / 2) + x / 2;
          out[uOffset + index] = clamp(128 - 0.168736 * r - 0.331264 * g + 0.5 * b);
          out[vOffset + index] = clamp(128 + 0.5 * r - 0.418688 * g - 0.081312 * b);
        }
      }
    }
    return out;
  }

  private static byte clamp(double value) {
    return (byte) Math.max(0, Math.min(255, (int) Math.round(value)));
  }
}
