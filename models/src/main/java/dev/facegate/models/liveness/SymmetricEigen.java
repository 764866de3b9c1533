package dev.facegate.models.liveness;

/**
 * Cyclic Jacobi eigenvalue iteration for small symmetric matrices (Golub and Van Loan, 8.5). Each
 * rotation zeroes one off-diagonal pair; the sweeps stop when the off-diagonal mass is negligible
 * against the diagonal. Enough for the 9 x 9 normal matrix of a homography fit.
 */
final class SymmetricEigen {

  private static final int MAX_SWEEPS = 100;

  private SymmetricEigen() {}

  /**
   * Returns a unit eigenvector of the smallest eigenvalue.
   *
   * @param symmetric a symmetric n x n matrix (not modified)
   * @return the eigenvector, length n
   */
  static double[] smallestEigenvector(double[][] symmetric) {
    int n = symmetric.length;
    double[][] a = new double[n][];
    for (int i = 0; i < n; i++) {
      if (symmetric[i].length != n) {
        throw new IllegalArgumentException("matrix must be square");
      }
      a[i] = symmetric[i].clone();
    }
    double[][] v = new double[n][n];
    for (int i = 0; i < n; i++) {
      v[i][i] = 1;
    }
    for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
      double off = 0;
      double diag = 0;
      for (int i = 0; i < n; i++) {
        diag += a[i][i] * a[i][i];
        for (int j = i + 1; j < n; j++) {
          off += a[i][j] * a[i][j];
        }
      }
      if (off <= 1e-30 * Math.max(diag, 1e-300)) {
        break;
      }
      for (int p = 0; p < n; p++) {
        for (int q = p + 1; q < n; q++) {
          if (a[p][q] == 0) {
            continue;
          }
          double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
          double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
          if (theta == 0) {
            t = 1;
          }
          double c = 1 / Math.sqrt(t * t + 1);
          double s = t * c;
          for (int k = 0; k < n; k++) {
            double akp = a[k][p];
            double akq = a[k][q];
            a[k][p] = c * akp - s * akq;
            a[k][q] = s * akp + c * akq;
          }
          for (int k = 0; k < n; k++) {
            double apk = a[p][k];
            double aqk = a[q][k];
            a[p][k] = c * apk - s * aqk;
            a[q][k] = s * apk + c * aqk;
          }
          for (int k = 0; k < n; k++) {
            double vkp = v[k][p];
            double vkq = v[k][q];
            v[k][p] = c * vkp - s * vkq;
            v[k][q] = s * vkp + c * vkq;
          }
        }
      }
    }
    int min = 0;
    for (int i = 1; i < n; i++) {
      if (a[i][i] < a[min][min]) {
        min = i;
      }
    }
    double[] out = new double[n];
    for (int k = 0; k < n; k++) {
      out[k] = v[k][min];
    }
    return out;
  }
}
