package dev.facegate.platform.control;

import dev.facegate.domain.health.Probe;
import dev.facegate.domain.health.Probes;
import dev.facegate.platform.boundary.Health;
import dev.facegate.platform.boundary.HealthReport;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/**
 * Puts the {@link Health} report (database, index reachable, no rebuild in progress) into {@code
 * /health/ready} for as long as the application runs: the same answer as {@code GET
 * /api/v1/health}, on the management interface next to WildFly's own readiness checks.
 */
@Singleton
@Startup
public class ReadinessProbe {

  @Inject Health health;

  private AutoCloseable registration;

  @PostConstruct
  void register() {
    registration = Probes.register(Probes.Kind.READINESS, "dependencies", this::probe);
  }

  private Probe probe() {
    HealthReport report = health.check();
    return new Probe(report.up(), report.checks());
  }

  @PreDestroy
  void unregister() throws Exception {
    registration.close();
  }
}
