package dev.facegate.faces.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * The application's part of {@code /health/live} (MicroProfile Health): DOWN when the face engine
 * has been busy for {@code facegate.inference.stalled-after-seconds} without finishing a single
 * analysis, i.e. a native call hangs and only a restart helps. It deliberately ignores the database
 * and the index: their outages make the node unready, and restarting it would not bring them back.
 */
@Liveness
@ApplicationScoped
public class FaceEngineLiveness implements HealthCheck {

  @Inject FaceAnalysis engine;

  @Inject
  @ConfigProperty(name = "facegate.inference.stalled-after-seconds")
  long stalledAfterSeconds;

  @Override
  public HealthCheckResponse call() {
    Optional<Duration> stalled = engine.stalledFor();
    boolean stuck = stalled.filter(d -> d.toSeconds() >= stalledAfterSeconds).isPresent();
    return HealthCheckResponse.named("faceEngine")
        .status(!stuck)
        .withData("busyWithoutProgressSeconds", stalled.map(Duration::toSeconds).orElse(0L))
        .build();
  }
}
