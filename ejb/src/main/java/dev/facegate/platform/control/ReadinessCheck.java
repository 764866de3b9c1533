package dev.facegate.platform.control;

import dev.facegate.platform.boundary.Health;
import dev.facegate.platform.boundary.HealthReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The application's part of {@code /health/ready} (MicroProfile Health, management interface): the
 * same report as {@code GET /api/v1/health}, one data entry per dependency.
 */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

  @Inject Health health;

  @Override
  public HealthCheckResponse call() {
    HealthReport report = health.check();
    HealthCheckResponseBuilder response = HealthCheckResponse.named("facegate").status(report.up());
    report.checks().forEach(response::withData);
    return response.build();
  }
}
