package dev.facegate.models.alignment;

import java.util.Objects;

/**
 * A 2-D similarity transform (uniform scale, rotation, translation; no reflection, no shear):
 *
 * <pre>
 *   x' = a*x - b*y + tx
 *   y' = b*x + a*y + ty
 * </pre>
 *
 * where {@code a = s*cos(theta)} and {@code b = s*sin(theta)}. Immutable.
 */
public final class SimilarityTransform {

  private final double a;
  private final double b;
  private final double tx;
  private final double ty;

  /**
   * Creates the transform from its four parameters.
   *
   * @param a scale times the cosine of the rotation
   * @param b scale times the sine of the rotation
   * @param tx translation along x
   * @param ty translation along y
   */
  public SimilarityTransform(double a, double b, double tx, double ty) {
    if (!Double.isFinite(a)
        || !Double.isFinite(b)
        || !Double.isFinite(tx)
        || !Double.isFinite(ty)) {
      throw new IllegalArgumentException("transform parameters must be finite");
    }
    this.a = a;
    this.b = b;
    this.tx = tx;
    this.ty = ty;
  }

  /**
   * Builds the transform from its geometric description.
   *
   * @param scale the uniform scale, positive
   * @param rotationRadians counter-clockwise rotation (in a y-up frame; clockwise on screen)
   * @param tx translation along x
   * @param ty translation along y
   * @return the transform
   */
  public static SimilarityTransform of(double scale, double rotationRadians, double tx, double ty) {
    if (!(scale > 0)) {
      throw new IllegalArgumentException("scale must be positive: " + scale);
    }
    return new SimilarityTransform(
        scale * Math.cos(rotationRadians), scale * Math.sin(rotationRadians), tx, ty);
  }

  /**
   * Estimates the similarity transform that maps {@code src} onto {@code dst} with the least sum of
   * squared errors (Umeyama 1991, "Least-squares estimation of transformation parameters between
   * two point patterns", with the reflection correction).
   *
   * <p>In two dimensions Umeyama's SVD solution has a closed form: treating points as complex
   * numbers, the optimum {@code a + ib} is the least-squares ratio of the centred point sets.
   * Because that ratio is a complex number, the result is always a proper rotation, which is what
   * Umeyama's sign correction of the SVD enforces in the general case.
   *
   * @param src source points as {@code [n][2]}, n &gt;= 2, not all equal
   * @param dst destination points as {@code [n][2]}
   * @return the least-squares similarity transform
   */
  public static SimilarityTransform estimate(double[][] src, double[][] dst) {
    Objects.requireNonNull(src, "src points are required");
    Objects.requireNonNull(dst, "dst points are required");
    int n = src.length;
    if (n < 2 || dst.length != n) {
      throw new IllegalArgumentException(
          "need the same number (>= 2) of source and destination points, got "
              + n
              + " and "
              + dst.length);
    }
    double sx = 0;
    double sy = 0;
    double dx = 0;
    double dy = 0;
    for (int i = 0; i < n; i++) {
      sx += src[i][0];
      sy += src[i][1];
      dx += dst[i][0];
      dy += dst[i][1];
    }
    sx /= n;
    sy /= n;
    dx /= n;
    dy /= n;
    double varSrc = 0;
    double dot = 0;
    double cross = 0;
    for (int i = 0; i < n; i++) {
      double px = src[i][0] - sx;
      double py = src[i][1] - sy;
      double qx = dst[i][0] - dx;
      double qy = dst[i][1] - dy;
      varSrc += px * px + py * py;
      dot += px * qx + py * qy;
      cross += px * qy - py * qx;
    }
    if (varSrc < 1e-12) {
      throw new IllegalArgumentException("source points are degenerate (all equal)");
    }
    double a = dot / varSrc;
    double b = cross / varSrc;
    // t = mean(dst) - sR * mean(src): the centroids map onto each other.
    double tx = dx - (a * sx - b * sy);
    double ty = dy - (b * sx + a * sy);
    return new SimilarityTransform(a, b, tx, ty);
  }

  /**
   * Maps one point.
   *
   * @param x the x coordinate
   * @param y the y coordinate
   * @return {@code [x', y']}
   */
  public double[] apply(double x, double y) {
    return new double[] {a * x - b * y + tx, b * x + a * y + ty};
  }

  /**
   * Returns the inverse transform.
   *
   * @return the transform that undoes this one
   */
  public SimilarityTransform inverse() {
    double det = a * a + b * b;
    if (det < 1e-24) {
      throw new IllegalStateException("transform is singular (zero scale)");
    }
    double ia = a / det;
    double ib = -b / det;
    return new SimilarityTransform(ia, ib, -(ia * tx - ib * ty), -(ib * tx + ia * ty));
  }

  /**
   * Returns the uniform scale.
   *
   * @return the scale factor
   */
  public double scale() {
    return Math.hypot(a, b);
  }

  /**
   * Returns the rotation.
   *
   * @return the rotation angle in radians, in (-pi, pi]
   */
  public double rotation() {
    return Math.atan2(b, a);
  }

  /**
   * Returns the translation along x.
   *
   * @return tx
   */
  public double tx() {
    return tx;
  }

  /**
   * Returns the translation along y.
   *
   * @return ty
   */
  public double ty() {
    return ty;
  }

  /**
   * Returns the root-mean-square residual of this transform on point correspondences.
   *
   * @param src source points
   * @param dst destination points
   * @return the RMS distance between mapped source points and destination points
   */
  public double rmsError(double[][] src, double[][] dst) {
    double sum = 0;
    for (int i = 0; i < src.length; i++) {
      double[] p = apply(src[i][0], src[i][1]);
      sum += (p[0] - dst[i][0]) * (p[0] - dst[i][0]) + (p[1] - dst[i][1]) * (p[1] - dst[i][1]);
    }
    return Math.sqrt(sum / src.length);
  }

  @Override
  public String toString() {
    return String.format(
        java.util.Locale.ROOT,
        "SimilarityTransform[scale=%.5f, rotation=%.5f rad, t=(%.3f, %.3f)]",
        scale(),
        rotation(),
        tx,
        ty);
  }
}
