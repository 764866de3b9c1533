package dev.facegate.recognition.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/** Creates the settings rows at start-up, before any request could race to create it. */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "FaceAnalysis"})
public class SettingsBootstrap {

  @Inject SettingsRepository settings;

  @Inject LivenessSettingsRepository liveness;

  @PostConstruct
  void createSettingsRow() {
    settings.current();
    liveness.current();
  }
}
