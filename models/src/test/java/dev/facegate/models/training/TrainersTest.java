package dev.facegate.models.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/** The training loops learn, and P-Net's objective is MTCNN's. */
class TrainersTest {

  private static double mean(float[] v, int from, int to) {
    double s = 0;
    for (int i = from; i < to; i++) {
      s += v[i];
    }
    return s / (to - from);
  }

  // Noise 1.5 per dimension against unit centres: same-class cosines about 0.3, so at the start
  // hardest positives are farther than hardest negatives and every loss has work to do.
  @Test
  void everyHeadLossDecreasesOnSeparableClusters() {
    float[][] x = Clusters.descriptors(6, 8, 3, 1.5);
    int[] y = Clusters.labels(6, 8);
    try (NDManager m = NDManager.newBaseManager("MXNet")) {
      for (HeadLoss loss : HeadLoss.values()) {
        float[] curve =
            HeadTrainer.builder()
                .setLoss(loss)
                .optSteps(60)
                .optBatch(4, 4)
                .build()
                .train(m, x, y, s -> {})
                .lossCurve();
        assertThat(mean(curve, 0, 10)).as(loss.name()).isPositive();
        // Means over 10 steps smooth the batch-to-batch noise; halving is far from a knife edge
        // (the losses fall by one to several orders of magnitude in 60 steps here).
        assertThat(mean(curve, 50, 60)).as(loss.name()).isLessThan(mean(curve, 0, 10) / 2);
      }
    }
  }

  @Test
  void pnetObjectiveIsCrossEntropyPlusHalfTheBoxError() {
    // Samples: a face with p = 0.8, a non-face with p(face) = 0.3, a part face (no class).
    // CE = (-ln 0.8 - ln 0.7) / 2 = 0.2899092; squared box errors 0.01 (face) and 0.04 (part),
    // mean over the two boxed samples 0.025, weighted 0.5: total 0.3024092.
    try (NDManager m = NDManager.newBaseManager("MXNet")) {
      NDArray prob =
          m.create(new float[] {0.2f, 0.8f, 0.7f, 0.3f, 0.5f, 0.5f}, new Shape(3, 2, 1, 1));
      NDArray reg = m.zeros(new Shape(3, 4, 1, 1));
      NDArray box =
          m.create(new float[] {0.1f, 0, 0, 0, 0, 0, 0, 0, 0, 0.2f, 0, 0}, new Shape(3, 4));
      NDArray l =
          PnetTrainer.objective(
              new NDList(prob, reg),
              m.create(new float[] {1, 0, -1}),
              box,
              m.create(new float[] {1, 0, 1}));
      // float32 arithmetic: 1e-6 is ten float ulps at this magnitude.
      assertThat((double) l.getFloat()).isCloseTo(0.3024092, within(1e-6));
    }
  }
}
