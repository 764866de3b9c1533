package dev.facegate.it.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Door bursts made at test time from one real photo, as the simulated presentation attacks of
 * docs/liveness.md: (a) a print held up, the same photo with small jitter and sensor noise; (b) a
 * print or phone waved in front of the camera, the photo moved by random similarity transforms
 * (rotation, scale, shift). Seeded, so every run sends the same frames.
 */
public final class Bursts {

  private static final Color WALL = new Color(0x8a, 0x8f, 0x94);

  private Bursts() {}

  /** (a) The photo {@code n} times, shifted by up to 2 px, turned by up to 0.5 deg, with noise. */
  public static List<byte[]> jittered(byte[] photo, int n, long seed) {
    Random random = new Random(seed);
    BufferedImage image = read(photo);
    List<byte[]> frames = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      frames.add(
          jpeg(
              render(
                  image,
                  Math.toRadians(random.nextDouble(-0.5, 0.5)),
                  1 + random.nextDouble(-0.01, 0.01),
                  random.nextDouble(-2, 2),
                  random.nextDouble(-2, 2),
                  random,
                  4)));
    }
    return frames;
  }

  /**
   * (b) The photo {@code n} times, each turned by up to 15 deg, scaled by 0.85 to 1.15 and shifted
   * by up to 8 % of its width: a photo waved in front of the camera, kept parallel to it.
   */
  public static List<byte[]> moved(byte[] photo, int n, long seed) {
    Random random = new Random(seed);
    BufferedImage image = read(photo);
    List<byte[]> frames = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double shift = 0.08 * image.getWidth();
      frames.add(
          jpeg(
              render(
                  image,
                  Math.toRadians(random.nextDouble(-15, 15)),
                  random.nextDouble(0.85, 1.15),
                  random.nextDouble(-shift, shift),
                  random.nextDouble(-shift, shift),
                  random,
                  3)));
    }
    return frames;
  }

  /** The photo turned about its centre, scaled and shifted, on a wall, with Gaussian noise. */
  private static BufferedImage render(
      BufferedImage photo,
      double angle,
      double scale,
      double dx,
      double dy,
      Random random,
      double noise) {
    int w = photo.getWidth();
    int h = photo.getHeight();
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setColor(WALL);
    g.fillRect(0, 0, w, h);
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    AffineTransform t = new AffineTransform();
    t.translate(w / 2.0 + dx, h / 2.0 + dy);
    t.rotate(angle);
    t.scale(scale, scale);
    t.translate(-w / 2.0, -h / 2.0);
    g.drawImage(photo, t, null);
    g.dispose();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int p = out.getRGB(x, y);
        int r = clamp(((p >> 16) & 0xff) + random.nextGaussian() * noise);
        int gr = clamp(((p >> 8) & 0xff) + random.nextGaussian() * noise);
        int b = clamp((p & 0xff) + random.nextGaussian() * noise);
        out.setRGB(x, y, (r << 16) | (gr << 8) | b);
      }
    }
    return out;
  }

  private static int clamp(double v) {
    return (int) Math.max(0, Math.min(255, Math.round(v)));
  }

  private static BufferedImage read(byte[] photo) {
    try {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(photo));
      if (image == null) {
        throw new IllegalArgumentException("not an image");
      }
      return image;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** JPEG at ImageIO's default quality, as a door camera would send it. */
  public static byte[] jpeg(BufferedImage image) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      if (!ImageIO.write(image, "jpg", out)) {
        throw new IllegalStateException("no JPEG writer");
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
