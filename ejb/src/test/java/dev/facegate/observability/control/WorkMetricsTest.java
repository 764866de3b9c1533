package dev.facegate.observability.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WorkMetricsTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final WorkMetrics metrics = new WorkMetrics(registry);

  @Test
  void stagesAreTaggedDoorOnlyInsideADoorFlowEvenWhenFlowsNest() {
    metrics.stage(Stage.DETECT, 1_000_000);
    try (WorkMetrics.DoorFlow outer = metrics.doorFlow()) {
      try (WorkMetrics.DoorFlow inner = metrics.doorFlow()) {
        metrics.stage(Stage.SEARCH, 2_000_000);
      }
      // Still inside the outer flow: closing the inner one must not end it.
      metrics.stage(Stage.DATABASE, 3_000_000);
    }
    metrics.stage(Stage.DATABASE, 4_000_000);

    assertThat(stage("detect", "other").count()).isEqualTo(1);
    assertThat(stage("search", "door").count()).isEqualTo(1);
    assertThat(stage("database", "door").totalTime(TimeUnit.MILLISECONDS)).isEqualTo(3);
    assertThat(stage("database", "other").totalTime(TimeUnit.MILLISECONDS)).isEqualTo(4);
  }

  @Test
  void latenciesAlsoCountIntoCumulativeBucketsThatPrometheusReadsAsAHistogram() {
    metrics.stage(Stage.SEARCH, 30_000_000); // 30 ms
    metrics.stage(Stage.SEARCH, 3_000_000_000L); // 3 s

    assertThat(bucket("0.025")).isZero();
    assertThat(bucket("0.05")).isEqualTo(1);
    assertThat(bucket("2.5")).isEqualTo(1);
    assertThat(bucket("5.0")).isEqualTo(2);
    assertThat(bucket("+Inf")).isEqualTo(2);
  }

  private double bucket(String le) {
    return registry
        .find(WorkMetrics.STAGE + ".le")
        .tags("stage", "search", "flow", "other", "le", le)
        .counters()
        .stream()
        .mapToDouble(io.micrometer.core.instrument.Counter::count)
        .sum();
  }

  @Test
  void doorDecisionsAreCountedByDecisionAndOutcome() {
    metrics.doorDecision("OPEN", "MATCH", 5_000_000);
    metrics.doorDecision("OPEN", "MATCH", 7_000_000);
    metrics.doorDecision("NONE", "BUSY", 1_000_000);

    assertThat(
            registry
                .get(WorkMetrics.DOOR_DECISIONS)
                .tags("decision", "OPEN", "outcome", "MATCH")
                .timer()
                .count())
        .isEqualTo(2);
    assertThat(
            registry
                .get(WorkMetrics.DOOR_DECISIONS)
                .tags("decision", "NONE", "outcome", "BUSY")
                .timer()
                .count())
        .isEqualTo(1);
  }

  @Test
  void countersAndGaugesReadTheirSources() {
    metrics.loginFailed("rejected");
    metrics.loginFailed("rejected");
    metrics.reconciled("unchanged");
    int[] size = {7};
    metrics.gauge("facegate.test.size", () -> size[0]);
    size[0] = 9;

    assertThat(registry.get(WorkMetrics.LOGIN_FAILURES).tag("reason", "rejected").counter().count())
        .isEqualTo(2);
    assertThat(
            registry.get(WorkMetrics.RECONCILIATIONS).tag("result", "unchanged").counter().count())
        .isEqualTo(1);
    assertThat(registry.get("facegate.test.size").gauge().value()).isEqualTo(9);
  }

  @Test
  void aRedeployedApplicationExportsItsOwnGaugesNotThePreviousOnes() {
    metrics.gauge("facegate.test.size", () -> 1);
    metrics.removeGauges();
    WorkMetrics redeployed = new WorkMetrics(registry);

    redeployed.gauge("facegate.test.size", () -> 2);

    assertThat(registry.get("facegate.test.size").gauge().value()).isEqualTo(2);
  }

  private io.micrometer.core.instrument.Timer stage(String stage, String flow) {
    return registry.get(WorkMetrics.STAGE).tags("stage", stage, "flow", flow).timer();
  }
}
