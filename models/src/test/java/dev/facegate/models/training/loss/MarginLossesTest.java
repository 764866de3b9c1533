package dev.facegate.models.training.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A-Softmax, CosFace and ArcFace against hand-computed values and finite differences. */
class MarginLossesTest {

  private static NDManager manager;

  @BeforeAll
  static void open() {
    manager = NDManager.newBaseManager("MXNet");
  }

  @AfterAll
  static void close() {
    manager.close();
  }

  private static double softplus(double z) {
    return Math.log1p(Math.exp(z));
  }

  private double loss(MarginSoftmaxLoss loss, double[] cos, Shape shape, int... labels) {
    return GradientCheck.value(
        manager,
        cos,
        shape,
        in -> loss.evaluate(new NDList(in.getManager().create(labels)), new NDList(in)));
  }

  private double[] targets(MarginSoftmaxLoss loss, double... cos) {
    try (NDManager m = manager.newSubManager()) {
      NDArray c = m.create(cos, new Shape(cos.length, 1));
      return loss.target(c).toDoubleArray();
    }
  }

  @Test
  void cosFaceSubtractsTheMarginFromTheTrueCosine() {
    // cos = (0.8, 0.6), true class 0, s = 2, m = 0.5: logits (0.6, 1.2);
    // L = -log(e^0.6 / (e^0.6 + e^1.2)) = log(1 + e^0.6) = 1.0374879...
    double l = loss(new CosFaceLoss(2, 0.5), new double[] {0.8, 0.6}, new Shape(1, 2), 0);
    assertThat(l).isCloseTo(1.0374879504858854, within(1e-12));
    assertThat(l).isCloseTo(softplus(0.6), within(1e-12));
  }

  @Test
  void arcFaceAddsTheMarginToTheAngle() {
    // cos theta = 0.8, sin theta = 0.6, m = 0.5: cos(theta + m) = 0.8 cos 0.5 - 0.6 sin 0.5
    // = 0.70206605 - 0.28765532 = 0.41441073; s = 1: L = log(1 + e^(0.6 - 0.41441073)).
    double l = loss(new ArcFaceLoss(1, 0.5, false), new double[] {0.8, 0.6}, new Shape(1, 2), 0);
    double psi = 0.8 * Math.cos(0.5) - 0.6 * Math.sin(0.5);
    assertThat(psi).isCloseTo(0.41441073, within(1e-8));
    assertThat(l).isCloseTo(softplus(0.6 - psi), within(1e-12));
    assertThat(l).isCloseTo(0.7902, within(1e-4));
  }

  @Test
  void arcFaceMonotonicFixAndEasyMarginBranches() {
    ArcFaceLoss fixed = new ArcFaceLoss(1, 0.5, false);
    ArcFaceLoss easy = new ArcFaceLoss(1, 0.5, true);
    // theta beyond pi - m (cos < cos(pi - 0.5) = -0.8776): cos - m sin(pi - m) = -0.95 - 0.2397.
    assertThat(targets(fixed, -0.95)[0])
        .isCloseTo(-0.95 - 0.5 * Math.sin(Math.PI - 0.5), within(1e-12));
    // Easy margin: no margin for cos <= 0, the full angular margin above.
    assertThat(targets(easy, -0.3)[0]).isCloseTo(-0.3, within(1e-12));
    assertThat(targets(easy, 0.8)[0])
        .isCloseTo(0.8 * Math.cos(0.5) - 0.6 * Math.sin(0.5), within(1e-12));
    // The fix keeps the target decreasing in theta over [0, pi]; raw cos(theta + m) is not.
    double[] cos = new double[181];
    for (int i = 0; i < cos.length; i++) {
      cos[i] = Math.cos(Math.PI * i / 180);
    }
    double[] psi = targets(fixed, cos);
    for (int i = 1; i < psi.length; i++) {
      assertThat(psi[i]).as("psi at %d degrees", i).isLessThan(psi[i - 1]);
      assertThat(psi[i]).isLessThanOrEqualTo(cos[i]);
    }
    // Raw cos(theta + m) rises again past pi - m: at theta = pi it is above its value at pi - 0.1.
    assertThat(Math.cos(Math.PI + 0.5)).isGreaterThan(Math.cos(Math.PI - 0.1 + 0.5));
  }

  @Test
  void aSoftmaxIsTheMonotonicExtensionOfCosMTheta() {
    ASoftmaxLoss full = new ASoftmaxLoss(1, 4, 0);
    // cos theta = 0.8: 4 theta = 2.574 < pi, k = 0: T4(0.8) = 8 * 0.4096 - 8 * 0.64 + 1 = -0.8432.
    // cos theta = 0.5: theta = pi/3, 4 theta = 4 pi / 3, k = 1: -T4(0.5) - 2 = -(-0.5) - 2 = -1.5.
    double[] psi = targets(full, 0.8, 0.5);
    assertThat(psi[0]).isCloseTo(-0.8432, within(1e-12));
    assertThat(psi[1]).isCloseTo(-1.5, within(1e-12));
    // lambda softens towards cos theta: (5 * 0.8 + (-0.8432)) / 6.
    assertThat(targets(new ASoftmaxLoss(1, 4, 5), 0.8)[0])
        .isCloseTo((4 - 0.8432) / 6, within(1e-12));
    // psi(theta) = (-1)^k cos(4 theta) - 2k decreases over [0, pi].
    double prev = Double.POSITIVE_INFINITY;
    for (int deg = 0; deg <= 180; deg += 1) {
      double v = targets(full, Math.cos(Math.toRadians(deg)))[0];
      assertThat(v).as("psi at %d degrees", deg).isLessThanOrEqualTo(prev + 1e-12);
      prev = v;
    }
    // The whole loss with s = 1: log(1 + e^(0.6 - psi)).
    double l = loss(full, new double[] {0.8, 0.6}, new Shape(1, 2), 0);
    assertThat(l).isCloseTo(softplus(0.6 + 0.8432), within(1e-12));
  }

  // Two samples, three classes; true cosines 0.7 and 0.3 are far from every branch point
  // (ArcFace's -0.878, easy margin's 0, A-Softmax's cos(k pi / 4) = 0.707 is 7e-3 away from 0.7:
  // k is constant within the 1e-5 step).
  private static final double[] COS = {0.7, 0.2, -0.1, 0.4, 0.3, 0.1};

  @Test
  void gradientsMatchFiniteDifferences() {
    for (MarginSoftmaxLoss loss :
        new MarginSoftmaxLoss[] {
          new CosFaceLoss(4, 0.35),
          new ArcFaceLoss(4, 0.5, false),
          new ArcFaceLoss(4, 0.5, true),
          new ASoftmaxLoss(4, 4, 0),
          new ASoftmaxLoss(4, 4, 5)
        }) {
      GradientCheck.assertGradient(
          manager,
          COS,
          new Shape(2, 3),
          in ->
              loss.evaluate(new NDList(in.getManager().create(new int[] {0, 2})), new NDList(in)));
    }
  }
}
