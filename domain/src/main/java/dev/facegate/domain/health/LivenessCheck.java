package dev.facegate.domain.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * {@code /health/live}: DOWN only when a registered liveness probe is, i.e. when a restart would
 * mend something. UP while nothing is registered: a deployment that is still starting is not helped
 * by a restart.
 */
@Liveness
@ApplicationScoped
public class LivenessCheck implements HealthCheck {

  @Override
  public HealthCheckResponse call() {
    return ProbeResponses.of(Probes.ask(Probes.Kind.LIVENESS), true);
  }
}
