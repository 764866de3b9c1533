package dev.facegate.models.liveness;

import dev.facegate.models.geometry.Point;
import java.util.ArrayList;
import java.util.List;

/**
 * A face-like 3-D point set in millimetres (x to the image's right, y down, z towards the camera),
 * turned and projected by a pinhole camera: eyes 63 mm apart, the nose tip 33 mm in front of the
 * eyes and mouth corners and 32 mm below the eyes, mouth corners 50 mm apart, 60 mm below the eyes.
 */
final class SyntheticFace {

  static final double[][] POINTS = {
    {-31.5, 0, 0}, {31.5, 0, 0}, {0, 32, 33}, {-25, 60, 0}, {25, 60, 0}
  };

  /** Camera distance and focal length in pixels per millimetre. */
  private static final double DISTANCE = 600;

  private static final double FOCAL = 1000;

  private SyntheticFace() {}

  /**
   * The five landmarks of the face turned by yaw (positive: to the person's own left, the nose to
   * the image's right), then pitch (positive: looking up), then roll (positive: clockwise on
   * screen), seen from 600 mm, centred at (320, 240).
   */
  static List<Point> landmarks(double yawDegrees, double pitchDegrees, double rollDegrees) {
    double y = Math.toRadians(yawDegrees);
    double p = Math.toRadians(pitchDegrees);
    double r = Math.toRadians(rollDegrees);
    List<Point> out = new ArrayList<>();
    for (double[] q : POINTS) {
      // About the face's centre, 30 mm down and at the eyes' depth.
      double x = q[0];
      double yy = q[1] - 30;
      double z = q[2];
      double x1 = x * Math.cos(y) + z * Math.sin(y);
      double z1 = -x * Math.sin(y) + z * Math.cos(y);
      double y2 = yy * Math.cos(p) - z1 * Math.sin(p);
      double z2 = yy * Math.sin(p) + z1 * Math.cos(p);
      double x3 = x1 * Math.cos(r) - y2 * Math.sin(r);
      double y3 = x1 * Math.sin(r) + y2 * Math.cos(r);
      double scale = FOCAL / (DISTANCE - z2);
      out.add(new Point(320 + scale * x3, 240 + scale * y3));
    }
    return out;
  }

  /** The landmarks a detector would report on the mirrored image of {@code width} pixels. */
  static List<Point> mirrored(List<Point> lm, double width) {
    return List.of(
        flip(lm.get(1), width),
        flip(lm.get(0), width),
        flip(lm.get(2), width),
        flip(lm.get(4), width),
        flip(lm.get(3), width));
  }

  private static Point flip(Point p, double width) {
    return new Point(width - 1 - p.x(), p.y());
  }
}
