package dev.facegate.domain.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class ProbesTest {

  @Test
  void readinessIsDownUntilAProbeIsRegisteredAndFollowsItsProbesAfterwards() throws Exception {
    assertThat(new ReadinessCheck().call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
    assertThat(new LivenessCheck().call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);

    boolean[] rebuilding = {false};
    try (AutoCloseable registered =
        Probes.register(
            Probes.Kind.READINESS,
            "dependencies",
            () ->
                new Probe(
                    !rebuilding[0],
                    Map.of("database", "UP", "faceIndexRebuild", rebuilding[0] ? "DOWN" : "UP")))) {
      HealthCheckResponse ready = new ReadinessCheck().call();
      assertThat(ready.getName()).isEqualTo("facegate");
      assertThat(ready.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
      assertThat(ready.getData().orElseThrow())
          .containsEntry("dependencies", "UP")
          .containsEntry("database", "UP");

      rebuilding[0] = true;
      assertThat(new ReadinessCheck().call().getStatus())
          .isEqualTo(HealthCheckResponse.Status.DOWN);
      // Liveness does not care about readiness probes.
      assertThat(new LivenessCheck().call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    }
    assertThat(Probes.ask(Probes.Kind.READINESS)).isEmpty();
  }

  @Test
  void aProbeThatThrowsIsDownInsteadOfBreakingTheEndpoint() throws Exception {
    try (AutoCloseable registered =
        Probes.register(
            Probes.Kind.LIVENESS,
            "engine",
            () -> {
              throw new IllegalStateException("native call failed");
            })) {
      HealthCheckResponse live = new LivenessCheck().call();

      assertThat(live.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
      assertThat(live.getData().orElseThrow())
          .containsEntry("engine", "DOWN")
          .containsEntry("error", "native call failed");
    }
  }
}
