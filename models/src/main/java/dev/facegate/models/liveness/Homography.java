package dev.facegate.models.liveness;

import java.util.Objects;

/**
 * A plane projective transform {@code (x, y, 1) -> H (x, y, 1)}, estimated by the normalised direct
 * linear transform (Hartley and Zisserman, "Multiple View Geometry", algorithm 4.2): both point
 * sets are shifted to their centroid and scaled to a mean distance of sqrt(2), the 2n x 9 DLT
 * system is solved in the least-squares sense (the unit vector minimising {@code |A h|}, the
 * eigenvector of the smallest eigenvalue of {@code A^T A}), and the result is denormalised.
 * Immutable.
 */
public final class Homography {

  private final double[] h;

  private Homography(double[] h) {
    this.h = h;
  }

  /**
   * Estimates the homography that maps {@code src} onto {@code dst}.
   *
   * @param src source points {@code [n][2]}, n &gt;= 4, no three of the first four collinear
   * @param dst destination points {@code [n][2]}
   * @return the least-squares (algebraic, after normalisation) homography
   * @throws IllegalArgumentException if the point sets differ in size, have fewer than four points,
   *     or are degenerate
   */
  public static Homography estimate(double[][] src, double[][] dst) {
    Objects.requireNonNull(src, "src points are required");
    Objects.requireNonNull(dst, "dst points are required");
    int n = src.length;
    if (n < 4 || dst.length != n) {
      throw new IllegalArgumentException(
          "need the same number (>= 4) of points, got " + n + " and " + dst.length);
    }
    double[] ts = normalisation(src);
    double[] td = normalisation(dst);
    double[][] ata = new double[9][9];
    double[] row1 = new double[9];
    double[] row2 = new double[9];
    for (int i = 0; i < n; i++) {
      double x = ts[0] * src[i][0] + ts[1];
      double y = ts[0] * src[i][1] + ts[2];
      double u = td[0] * dst[i][0] + td[1];
      double v = td[0] * dst[i][1] + td[2];
      // u = (h0 x + h1 y + h2) / (h6 x + h7 y + h8), v likewise with h3..h5.
      fill(row1, -x, -y, -1, 0, 0, 0, u * x, u * y, u);
      fill(row2, 0, 0, 0, -x, -y, -1, v * x, v * y, v);
      for (int a = 0; a < 9; a++) {
        for (int b = 0; b < 9; b++) {
          ata[a][b] += row1[a] * row1[b] + row2[a] * row2[b];
        }
      }
    }
    double[] hn = SymmetricEigen.smallestEigenvector(ata);
    // H = Td^-1 * Hn * Ts with T = [[s, 0, tx], [0, s, ty], [0, 0, 1]].
    double[][] hm = {
      {hn[0], hn[1], hn[2]},
      {hn[3], hn[4], hn[5]},
      {hn[6], hn[7], hn[8]}
    };
    double[][] tsm = {{ts[0], 0, ts[1]}, {0, ts[0], ts[2]}, {0, 0, 1}};
    double[][] tdInv = {{1 / td[0], 0, -td[1] / td[0]}, {0, 1 / td[0], -td[2] / td[0]}, {0, 0, 1}};
    double[][] full = multiply(tdInv, multiply(hm, tsm));
    double norm = 0;
    for (double[] r : full) {
      for (double c : r) {
        norm += c * c;
      }
    }
    if (!(norm > 0) || !Double.isFinite(norm)) {
      throw new IllegalArgumentException("degenerate point sets: no homography");
    }
    double[] out = new double[9];
    for (int i = 0; i < 9; i++) {
      out[i] = full[i / 3][i % 3] / Math.sqrt(norm);
    }
    return new Homography(out);
  }

  /**
   * Creates a homography from its 3 x 3 matrix, row by row.
   *
   * @param matrix nine finite entries, not all zero
   * @return the homography
   */
  public static Homography of(double... matrix) {
    if (matrix.length != 9) {
      throw new IllegalArgumentException("a homography has 9 entries, got " + matrix.length);
    }
    for (double m : matrix) {
      if (!Double.isFinite(m)) {
        throw new IllegalArgumentException("homography entries must be finite");
      }
    }
    return new Homography(matrix.clone());
  }

  /**
   * Maps one point.
   *
   * @param x the x coordinate
   * @param y the y coordinate
   * @return {@code [x', y']}; infinite when the point maps to the line at infinity
   */
  public double[] apply(double x, double y) {
    double w = h[6] * x + h[7] * y + h[8];
    return new double[] {(h[0] * x + h[1] * y + h[2]) / w, (h[3] * x + h[4] * y + h[5]) / w};
  }

  /**
   * Returns the inverse transform.
   *
   * @return the homography that undoes this one
   * @throws IllegalStateException if this one is singular
   */
  public Homography inverse() {
    double a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7], l = h[8];
    double[] adj = {
      e * l - f * k, c * k - b * l, b * f - c * e,
      f * g - d * l, a * l - c * g, c * d - a * f,
      d * k - e * g, b * g - a * k, a * e - b * d
    };
    double det = a * adj[0] + b * adj[3] + c * adj[6];
    if (!(Math.abs(det) > 1e-300)) {
      throw new IllegalStateException("homography is singular");
    }
    for (int i = 0; i < 9; i++) {
      adj[i] /= det;
    }
    return new Homography(adj);
  }

  /**
   * Returns the composition {@code this after first}: first {@code first}, then this.
   *
   * @param first the transform applied first
   * @return the product
   */
  public Homography after(Homography first) {
    double[] out = new double[9];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        for (int k = 0; k < 3; k++) {
          out[3 * i + j] += h[3 * i + k] * first.h[3 * k + j];
        }
      }
    }
    return new Homography(out);
  }

  /**
   * Returns the root-mean-square transfer error {@code |H src_i - dst_i|}.
   *
   * @param src source points
   * @param dst destination points
   * @return the RMS distance in destination coordinates
   */
  public double rmsError(double[][] src, double[][] dst) {
    double sum = 0;
    for (int i = 0; i < src.length; i++) {
      double[] p = apply(src[i][0], src[i][1]);
      sum += (p[0] - dst[i][0]) * (p[0] - dst[i][0]) + (p[1] - dst[i][1]) * (p[1] - dst[i][1]);
    }
    return Math.sqrt(sum / src.length);
  }

  /** {@code [scale, tx, ty]} that move the centroid to 0 and the mean distance to sqrt(2). */
  private static double[] normalisation(double[][] pts) {
    double cx = 0;
    double cy = 0;
    for (double[] p : pts) {
      cx += p[0];
      cy += p[1];
    }
    cx /= pts.length;
    cy /= pts.length;
    double mean = 0;
    for (double[] p : pts) {
      mean += Math.hypot(p[0] - cx, p[1] - cy);
    }
    mean /= pts.length;
    if (!(mean > 1e-12)) {
      throw new IllegalArgumentException("degenerate point set: all points equal");
    }
    double s = Math.sqrt(2) / mean;
    return new double[] {s, -s * cx, -s * cy};
  }

  private static void fill(double[] row, double... values) {
    System.arraycopy(values, 0, row, 0, values.length);
  }

  private static double[][] multiply(double[][] a, double[][] b) {
    double[][] c = new double[3][3];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        for (int k = 0; k < 3; k++) {
          c[i][j] += a[i][k] * b[k][j];
        }
      }
    }
    return c;
  }
}
