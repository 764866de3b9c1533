package dev.facegate.models.training.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Contrastive, triplet and center loss against hand-computed values and finite differences. */
class PairLossesTest {

  private static NDManager manager;

  @BeforeAll
  static void open() {
    manager = NDManager.newBaseManager("MXNet");
  }

  @AfterAll
  static void close() {
    manager.close();
  }

  private NDList labels(int... l) {
    return new NDList(manager.create(l));
  }

  @Test
  void contrastiveMatchesHandComputedValue() {
    // a = (0,0), b = (0.3,0.4) same person: d = 0.5, cost 0.25 / 2 = 0.125.
    // c = (0.6,0) another person: d(a,c) = 0.6, cost (1 - 0.6)^2 / 2 = 0.08;
    // d(b,c) = sqrt(0.09 + 0.16) = 0.5, cost (1 - 0.5)^2 / 2 = 0.125. Mean of 3 pairs: 0.11.
    double[] x = {0, 0, 0.3, 0.4, 0.6, 0};
    double l =
        GradientCheck.value(
            manager,
            x,
            new Shape(3, 2),
            in -> new ContrastiveLoss(1.0).evaluate(labels(0, 0, 1), new NDList(in)));
    assertThat(l).isCloseTo(0.11, within(1e-9));
  }

  @Test
  void contrastiveIgnoresDifferentPairsBeyondTheMargin() {
    double[] x = {0, 0, 3, 4};
    double l =
        GradientCheck.value(
            manager,
            x,
            new Shape(2, 2),
            in -> new ContrastiveLoss(1.0).evaluate(labels(0, 1), new NDList(in)));
    assertThat(l).isZero();
  }

  @Test
  void contrastiveGradientMatchesFiniteDifferences() {
    // Different-person distances 0.6 and ~0.54 sit well inside the margin 1 (away from its kink).
    double[] x = {0, 0, 0.3, 0.4, 0.6, 0.05, 0.1, -0.2};
    GradientCheck.assertGradient(
        manager,
        x,
        new Shape(4, 2),
        in -> new ContrastiveLoss(1.0).evaluate(labels(0, 0, 1, 1), new NDList(in)));
  }

  // Four points on a line (y = 0): a 0, b 0.5 (person 0); c 0.6, e 1.5 (person 1).
  private static final double[] TRIPLET_X = {0, 0, 0.5, 0, 0.6, 0, 1.5, 0};

  @Test
  void tripletTakesTheHardestPairsOfEachAnchor() {
    // anchor a: hardest positive b 0.5, hardest negative c 0.6 -> 0.2 + 0.5 - 0.6 = 0.1
    // anchor b: a 0.5, c 0.1 -> 0.6;  anchor c: e 0.9, b 0.1 -> 1.0;  anchor e: c 0.9, b 1.0 -> 0.1
    // mean (0.1 + 0.6 + 1.0 + 0.1) / 4 = 0.45
    double l =
        GradientCheck.value(
            manager,
            TRIPLET_X,
            new Shape(4, 2),
            in -> new TripletLoss(0.2).evaluate(labels(0, 0, 1, 1), new NDList(in)));
    assertThat(l).isCloseTo(0.45, within(1e-9));
  }

  @Test
  void tripletAveragesOnlyOverAnchorsWithAPositiveAndANegative() {
    // Person 2 (x = 5) has no positive: only a and b count. a: b 0.5 vs c... here c is person 2.
    // a: positive b 0.5, negative x=5 at 5 -> max(0, 0.2 + 0.5 - 5) = 0; same for b (4.5): 0.
    double[] x = {0, 0, 0.5, 0, 5, 0};
    double l =
        GradientCheck.value(
            manager,
            x,
            new Shape(3, 2),
            in -> new TripletLoss(0.2).evaluate(labels(0, 0, 2), new NDList(in)));
    assertThat(l).isZero();
    // One anchor that violates: a's negative at 0.6 -> 0.1 and b's at 0.1 -> 0.6; mean over 2.
    double[] y = {0, 0, 0.5, 0, 0.6, 0};
    double l2 =
        GradientCheck.value(
            manager,
            y,
            new Shape(3, 2),
            in -> new TripletLoss(0.2).evaluate(labels(0, 0, 2), new NDList(in)));
    assertThat(l2).isCloseTo(0.35, within(1e-9));
  }

  @Test
  void tripletGradientMatchesFiniteDifferences() {
    // Off the line a little so that every coordinate matters. Every hinge is >= 0.1 and every
    // hardest choice wins by >= 0.1, far beyond the 1e-5 step.
    double[] x = {0, 0.01, 0.5, -0.02, 0.6, 0.03, 1.5, 0};
    GradientCheck.assertGradient(
        manager,
        x,
        new Shape(4, 2),
        in -> new TripletLoss(0.2).evaluate(labels(0, 0, 1, 1), new NDList(in)));
  }

  @Test
  void centerLossMatchesHandComputedValueAndCentreGradient() {
    // x0 = (1,0), x2 = (3,0) of class 0 with centre (1,1); x1 = (0,2) of class 1 with centre (0,0).
    // |x0 - c0|^2 = 1, |x1 - c1|^2 = 4, |x2 - c0|^2 = 5: (1 + 4 + 5) / 3 / 2 = 5/3.
    // dL/dc0 = -1/3 * ((0,-1) + (2,-1)) = (-2/3, 2/3); dL/dc1 = -1/3 * (0,2) = (0, -2/3).
    CenterLoss loss = new CenterLoss(manager.create(new double[] {1, 1, 0, 0}, new Shape(2, 2)));
    NDArray x = manager.create(new double[] {1, 0, 0, 2, 3, 0}, new Shape(3, 2));
    NDArray l;
    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
      l = loss.evaluate(labels(0, 1, 0), new NDList(x));
      gc.backward(l);
    }
    assertThat(l.getDouble()).isCloseTo(5.0 / 3, within(1e-12));
    assertThat(loss.getCentres().getGradient().toDoubleArray())
        .containsExactly(new double[] {-2.0 / 3, 2.0 / 3, 0, -2.0 / 3}, within(1e-12));
  }

  @Test
  void centerLossGradientMatchesFiniteDifferences() {
    double[] x = {1, 0, 0, 2, 3, 0.5};
    GradientCheck.assertGradient(
        manager,
        x,
        new Shape(3, 2),
        in ->
            new CenterLoss(in.getManager().create(new double[] {1, 1, 0, 0}, new Shape(2, 2)))
                .evaluate(labels(0, 1, 0), new NDList(in)));
  }
}
