package dev.facegate.domain.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /health/ready}: UP when every registered readiness probe is; DOWN while nothing is
 * registered (the application has not started, or has stopped).
 */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

  @Override
  public HealthCheckResponse call() {
    return ProbeResponses.of(Probes.ask(Probes.Kind.READINESS), false);
  }
}
