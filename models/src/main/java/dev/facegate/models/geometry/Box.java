package dev.facegate.models.geometry;

import java.io.Serializable;

/**
 * An axis-aligned box in continuous image coordinates, by its corners.
 *
 * <p>Invariant: {@code x2 >= x1} and {@code y2 >= y1}; coordinates are finite. Pixel {@code (i, j)}
 * covers {@code [i, i+1) x [j, j+1)}, so a box around one pixel has width 1.
 *
 * <p>Serializable because face analyses cross the wire from inference nodes to portal nodes; a
 * record is deserialised through its canonical constructor, so the invariant is checked again.
 *
 * @param x1 left edge
 * @param y1 top edge
 * @param x2 right edge
 * @param y2 bottom edge
 */
public record Box(double x1, double y1, double x2, double y2) implements Serializable {

  /** Validates the corners. */
  public Box {
    if (!(Double.isFinite(x1)
        && Double.isFinite(y1)
        && Double.isFinite(x2)
        && Double.isFinite(y2))) {
      throw new IllegalArgumentException("box coordinates must be finite");
    }
    if (x2 < x1 || y2 < y1) {
      throw new IllegalArgumentException(
          "box corners out of order: (" + x1 + ", " + y1 + ") - (" + x2 + ", " + y2 + ")");
    }
  }

  /** Creates a box from its top-left corner and size. */
  public static Box ofSize(double x, double y, double width, double height) {
    return new Box(x, y, x + width, y + height);
  }

  /** Returns the width. */
  public double width() {
    return x2 - x1;
  }

  /** Returns the height. */
  public double height() {
    return y2 - y1;
  }

  /** Returns the area. */
  public double area() {
    return width() * height();
  }

  /** Returns the area shared with another box (0 if they do not overlap). */
  public double intersection(Box o) {
    double w = Math.min(x2, o.x2) - Math.max(x1, o.x1);
    double h = Math.min(y2, o.y2) - Math.max(y1, o.y1);
    return w > 0 && h > 0 ? w * h : 0;
  }

  /** Returns intersection over union with another box, in [0, 1]; 0 when both are empty. */
  public double iou(Box o) {
    double inter = intersection(o);
    double union = area() + o.area() - inter;
    return union > 0 ? inter / union : 0;
  }

  /** Returns intersection over the smaller area, in [0, 1]; 0 when either is empty. */
  public double iom(Box o) {
    double min = Math.min(area(), o.area());
    return min > 0 ? intersection(o) / min : 0;
  }

  /** Returns whether the point lies inside this box or on its border. */
  public boolean contains(Point p) {
    return p.x() >= x1 && p.x() <= x2 && p.y() >= y1 && p.y() <= y2;
  }

  /** Returns {@code [x, y, width, height]}. */
  public double[] toXywh() {
    return new double[] {x1, y1, width(), height()};
  }
}
