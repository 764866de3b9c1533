package dev.facegate.models.training.mining;

import dev.facegate.models.geometry.Box;
import dev.facegate.models.geometry.Point;
import java.util.List;

/**
 * MTCNN's regression targets: offsets of the true box's corners and of the landmarks from the
 * square crop, in units of the crop's side. These are exactly what the networks output and what the
 * detector applies: {@code face.x1 = crop.x1 + t[0] * side}, and so on for {@code y1, x2, y2}.
 */
public final class RegressionTargets {

  private RegressionTargets() {}

  /**
   * Returns {@code [dx1, dy1, dx2, dy2]} that move the crop onto the face.
   *
   * @param crop a square crop with a positive side
   * @param face the true face box
   */
  public static float[] box(Box crop, Box face) {
    double side = side(crop);
    return new float[] {
      (float) ((face.x1() - crop.x1()) / side),
      (float) ((face.y1() - crop.y1()) / side),
      (float) ((face.x2() - crop.x2()) / side),
      (float) ((face.y2() - crop.y2()) / side)
    };
  }

  /** Returns the face box that the targets {@link #box} produced for this crop. */
  public static Box applyBox(Box crop, float[] t) {
    double side = side(crop);
    return new Box(
        crop.x1() + t[0] * side,
        crop.y1() + t[1] * side,
        crop.x2() + t[2] * side,
        crop.y2() + t[3] * side);
  }

  /**
   * Returns the five landmarks relative to the crop: five x values, then five y values, each {@code
   * (p - crop corner) / side} (the layout of O-Net's landmark head).
   */
  public static float[] landmarks(Box crop, List<Point> points) {
    double side = side(crop);
    float[] t = new float[2 * points.size()];
    for (int i = 0; i < points.size(); i++) {
      t[i] = (float) ((points.get(i).x() - crop.x1()) / side);
      t[points.size() + i] = (float) ((points.get(i).y() - crop.y1()) / side);
    }
    return t;
  }

  private static double side(Box crop) {
    if (!(crop.width() > 0)) {
      throw new IllegalArgumentException("empty crop " + crop);
    }
    return crop.width();
  }
}
