package dev.facegate.models.alignment;

import java.util.Objects;

/**
 * Where an embedding model wants the 5 landmarks (left eye, right eye, nose, left mouth corner,
 * right mouth corner) to lie in its square input chip. The template belongs to the model: a
 * different network needs a different chip size and crop tightness.
 *
 * @param chipSize the side of the square chip in pixels
 * @param points the 5 target points as {@code [5][2]}, in chip pixel coordinates
 */
public record FaceTemplate(int chipSize, double[][] points) {

  /** Number of landmarks in a template. */
  public static final int LANDMARKS = 5;

  /**
   * Validates and defensively copies the points.
   *
   * @param chipSize the side of the square chip in pixels
   * @param points the 5 target points
   */
  public FaceTemplate {
    if (chipSize <= 0) {
      throw new IllegalArgumentException("chip size must be positive: " + chipSize);
    }
    Objects.requireNonNull(points, "template points are required");
    if (points.length != LANDMARKS) {
      throw new IllegalArgumentException("a template has 5 points, got " + points.length);
    }
    double[][] copy = new double[LANDMARKS][];
    for (int i = 0; i < LANDMARKS; i++) {
      if (points[i].length != 2) {
        throw new IllegalArgumentException("template point " + i + " is not (x, y)");
      }
      copy[i] = points[i].clone();
    }
    points = copy;
  }

  /**
   * Returns a copy of the target points.
   *
   * @return the points as {@code [5][2]}
   */
  @Override
  public double[][] points() {
    double[][] copy = new double[LANDMARKS][];
    for (int i = 0; i < LANDMARKS; i++) {
      copy[i] = points[i].clone();
    }
    return copy;
  }
}
