package dev.facegate.models.cli;

import dev.facegate.models.image.RgbImage;
import dev.facegate.models.liveness.Homography;
import java.util.Random;

/**
 * Renders simulated camera frames of a gray photo placed in a scene by a homography: the photo as a
 * print or screen held in front of the camera. Pixels outside the photo are the background gray;
 * Gaussian sensor noise is added per pixel. Pure and deterministic for a given {@link Random}.
 */
final class SyntheticCamera {

  /** Side of the square frame, in pixels. */
  static final int SIZE = 320;

  /** How much the 92 x 112 AT&T photo is enlarged when held flat in the middle of the frame. */
  static final double PHOTO_SCALE = 2.0;

  private static final int BACKGROUND = 40;

  private SyntheticCamera() {}

  /**
   * The placement of a photo held flat and centred: photo pixel (x, y) to frame pixel.
   *
   * @param photoWidth the photo's width
   * @param photoHeight the photo's height
   * @return the placement
   */
  static Homography centred(int photoWidth, int photoHeight) {
    double s = PHOTO_SCALE;
    return Homography.of(
        s, 0, (SIZE - s * photoWidth) / 2, 0, s, (SIZE - s * photoHeight) / 2, 0, 0, 1);
  }

  /**
   * A similarity about the frame's centre: scale, rotation (degrees) and shift.
   *
   * @return the motion, frame to frame coordinates
   */
  static Homography similarity(double scale, double rotationDegrees, double dx, double dy) {
    double c = scale * Math.cos(Math.toRadians(rotationDegrees));
    double s = scale * Math.sin(Math.toRadians(rotationDegrees));
    double m = SIZE / 2.0;
    // Translate the centre to the origin, turn and scale, translate back plus the shift.
    return Homography.of(c, -s, m - c * m + s * m + dx, s, c, m - s * m - c * m + dy, 0, 0, 1);
  }

  /**
   * The picture turned about its vertical centre line by {@code degrees}, seen by a pinhole camera
   * {@code distance} pixels away (focal length the same, so the centre line keeps its size).
   * Positive angles send the picture's right half (larger x) away from the camera, as a head
   * turning to its own left sends its left cheek away.
   *
   * @return the motion, frame to frame coordinates
   */
  static Homography turnedAboutVertical(double degrees, double distance) {
    double phi = Math.toRadians(degrees);
    double m = SIZE / 2.0;
    // In centred coordinates: x' = D X cos / (D + X sin), y' = D Y / (D + X sin).
    Homography centredTurn =
        Homography.of(distance * Math.cos(phi), 0, 0, 0, distance, 0, Math.sin(phi), 0, distance);
    Homography toCentre = Homography.of(1, 0, -m, 0, 1, -m, 0, 0, 1);
    Homography back = Homography.of(1, 0, m, 0, 1, m, 0, 0, 1);
    return back.after(centredTurn.after(toCentre));
  }

  /**
   * Renders one frame.
   *
   * @param gray the photo, row-major 8-bit gray values
   * @param width the photo's width
   * @param height the photo's height
   * @param photoToFrame where the photo's pixels land in the frame
   * @param noiseSigma standard deviation of the Gaussian noise, in gray levels
   * @param random the noise source
   * @return the frame as RGB with three equal channels
   */
  static RgbImage render(
      int[] gray,
      int width,
      int height,
      Homography photoToFrame,
      double noiseSigma,
      Random random) {
    Homography frameToPhoto = photoToFrame.inverse();
    byte[] out = new byte[3 * SIZE * SIZE];
    for (int y = 0; y < SIZE; y++) {
      for (int x = 0; x < SIZE; x++) {
        double[] p = frameToPhoto.apply(x, y);
        double v = sample(gray, width, height, p[0], p[1]);
        if (noiseSigma > 0) {
          v += noiseSigma * random.nextGaussian();
        }
        byte b = (byte) Math.max(0, Math.min(255, Math.round(v)));
        int i = 3 * (y * SIZE + x);
        out[i] = b;
        out[i + 1] = b;
        out[i + 2] = b;
      }
    }
    return new RgbImage(SIZE, SIZE, out);
  }

  /** Bilinear sample with pixel centres at integers; the background outside the photo. */
  private static double sample(int[] gray, int width, int height, double x, double y) {
    if (!(x >= -0.5 && y >= -0.5 && x <= width - 0.5 && y <= height - 0.5)) {
      return BACKGROUND;
    }
    double cx = Math.max(0, Math.min(width - 1, x));
    double cy = Math.max(0, Math.min(height - 1, y));
    int x0 = (int) Math.floor(cx);
    int y0 = (int) Math.floor(cy);
    int x1 = Math.min(width - 1, x0 + 1);
    int y1 = Math.min(height - 1, y0 + 1);
    double fx = cx - x0;
    double fy = cy - y0;
    double top = gray[y0 * width + x0] * (1 - fx) + gray[y0 * width + x1] * fx;
    double bottom = gray[y1 * width + x0] * (1 - fx) + gray[y1 * width + x1] * fx;
    return top * (1 - fy) + bottom * fy;
  }
}
