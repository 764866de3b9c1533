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
 * (rotation, scale, shift); (c) a print tilted about its vertical axis in perspective, to fake a
 * head turn. Seeded, so every run sends the same frames.
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

  /**
   * (c) The photo as a print turned about its vertical axis, 0 to {@code maxDegrees} and back over
   * {@code n} frames, seen in perspective by a camera three photo widths away: a print tilted to
   * fake a head turn.
   */
  public static List<byte[]> tilted(byte[] photo, int n, double maxDegrees, long seed) {
    Random random = new Random(seed);
    BufferedImage image = read(photo);
    List<byte[]> frames = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double phase = n == 1 ? 0 : Math.sin(Math.PI * i / (n - 1));
      frames.add(jpeg(tilt(image, Math.toRadians(maxDegrees * phase), random, 3)));
    }
    return frames;
  }

  /**
   * A plane turned by {@code angle} about its vertical centre line, projected by a pinhole camera
   * at distance {@code d} = 3 widths (focal length d, so the untilted photo keeps its size): an
   * output pixel (u, v) comes from the photo point x = u d / (d cos a - u sin a), y = v (d + x sin
   * a) / d, both relative to the centre.
   */
  private static BufferedImage tilt(
      BufferedImage photo, double angle, Random random, double noise) {
    int w = photo.getWidth();
    int h = photo.getHeight();
    double cx = w / 2.0;
    double cy = h / 2.0;
    double d = 3.0 * w;
    double sin = Math.sin(angle);
    double cos = Math.cos(angle);
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int v = 0; v < h; v++) {
      for (int u = 0; u < w; u++) {
        double pu = u - cx;
        double pv = v - cy;
        double denominator = d * cos - pu * sin;
        int rgb = WALL.getRGB();
        if (denominator > 1e-6) {
          double x = pu * d / denominator;
          double y = pv * (d + x * sin) / d;
          int sx = (int) Math.round(x + cx);
          int sy = (int) Math.round(y + cy);
          if (sx >= 0 && sx < w && sy >= 0 && sy < h) {
            rgb = photo.getRGB(sx, sy);
          }
        }
        int r = clamp(((rgb >> 16) & 0xff) + random.nextGaussian() * noise);
        int g = clamp(((rgb >> 8) & 0xff) + random.nextGaussian() * noise);
        int b = clamp((rgb & 0xff) + random.nextGaussian() * noise);
        out.setRGB(u, v, (r << 16) | (g << 8) | b);
      }
    }
    return out;
  }

  /** The photo mirrored left to right: a real head turn to one side becomes one to the other. */
  public static byte[] mirrored(byte[] photo) {
    BufferedImage image = read(photo);
    BufferedImage out =
        new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        out.setRGB(image.getWidth() - 1 - x, y, image.getRGB(x, y));
      }
    }
    return jpeg(out);
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
