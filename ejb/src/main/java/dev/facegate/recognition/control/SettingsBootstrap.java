package dev.facegate.recognition.control;

import dev.facegate.platform.control.ThisNode;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/**
 * Creates the settings rows at start-up, before any request could race to create it. Not on an
 * inference node: it decides nothing and holds no site data.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "FaceAnalysis"})
public class SettingsBootstrap {

  @Inject SettingsRepository settings;

  @Inject LivenessSettingsRepository liveness;

  @Inject ThisNode thisNode;

  @PostConstruct
  void createSettingsRow() {
    if (thisNode.isInference()) {
      return;
    }
    settings.current();
    liveness.current();
  }
}
