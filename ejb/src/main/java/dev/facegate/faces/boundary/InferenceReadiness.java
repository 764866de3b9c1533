package dev.facegate.faces.boundary;

import dev.facegate.platform.boundary.DependencyCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The readiness entry {@code inference} of a portal whose faces are analysed by inference nodes:
 * DOWN while none of them answers the cheap identity call within {@code
 * facegate.inference.ping-timeout-ms} (doors would get 503). No entry on a node that analyses
 * in-process.
 */
@ApplicationScoped
public class InferenceReadiness implements DependencyCheck {

  @Inject FaceEngine engine;

  @Override
  public String name() {
    return "inference";
  }

  @Override
  public Optional<Boolean> up() {
    return engine.isRemote() ? Optional.of(engine.answers()) : Optional.empty();
  }
}
