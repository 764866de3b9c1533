package dev.facegate.models.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RocTest {

  @Test
  void aucCountsTiesAsHalf() {
    Roc roc = new Roc(new double[] {0.5, 0.9}, new double[] {0.5, 0.1});
    // Pairs (g, i): (0.5,0.5) tie, (0.5,0.1) win, (0.9,0.5) win, (0.9,0.1) win -> 3.5 / 4.
    assertThat(roc.auc()).isCloseTo(0.875, within(1e-12));
  }

  @Test
  void tarAtFarAllowsFloorOfFarTimesImpostors() {
    double[] impostor = new double[1000];
    for (int i = 0; i < 1000; i++) {
      impostor[i] = i / 1000.0; // 0.000 .. 0.999
    }
    double[] genuine = {0.9985, 0.9975, 0.9965, 0.5};
    Roc roc = new Roc(genuine, impostor);

    Roc.OperatingPoint p = roc.atFar(1e-3); // one impostor (0.999) may pass
    assertThat(p.far()).isCloseTo(0.001, within(1e-12));
    assertThat(p.threshold()).isGreaterThan(0.998).isLessThanOrEqualTo(0.999);
    assertThat(p.tar()).isCloseTo(0.25, within(1e-12));

    Roc.OperatingPoint q = roc.atFar(1e-2); // ten may pass: accept above 0.989
    assertThat(q.far()).isCloseTo(0.01, within(1e-12));
    assertThat(q.tar()).isCloseTo(0.75, within(1e-12));
    assertThat(roc.points().getLast().far()).isEqualTo(1.0);
  }
}
