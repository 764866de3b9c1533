package dev.facegate.models.training;

import java.util.Random;

/** Synthetic L2-normalised 128-D descriptors around random class centres, for training tests. */
final class Clusters {

  private Clusters() {}

  /**
   * {@code classes x perClass} unit vectors: a random centre per class (unit Gaussian per
   * dimension) plus Gaussian noise of the given scale per dimension.
   */
  static float[][] descriptors(int classes, int perClass, long seed, double noise) {
    Random r = new Random(seed);
    float[][] out = new float[classes * perClass][128];
    for (int c = 0; c < classes; c++) {
      double[] centre = new double[128];
      for (int d = 0; d < 128; d++) {
        centre[d] = r.nextGaussian();
      }
      for (int i = 0; i < perClass; i++) {
        float[] v = out[c * perClass + i];
        double norm = 0;
        for (int d = 0; d < 128; d++) {
          v[d] = (float) (centre[d] + noise * r.nextGaussian());
          norm += v[d] * v[d];
        }
        for (int d = 0; d < 128; d++) {
          v[d] /= (float) Math.sqrt(norm);
        }
      }
    }
    return out;
  }

  static int[] labels(int classes, int perClass) {
    int[] y = new int[classes * perClass];
    for (int i = 0; i < y.length; i++) {
      y[i] = i / perClass;
    }
    return y;
  }
}
