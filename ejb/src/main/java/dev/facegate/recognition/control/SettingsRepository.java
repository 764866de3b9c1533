package dev.facegate.recognition.control;

import dev.facegate.domain.recognition.RecognitionSettings;
import dev.facegate.domain.recognition.Thresholds;
import dev.facegate.faces.boundary.FaceAnalysis;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The single settings row, created on first use with the model's calibrated threshold, so an
 * installation starts at a measured operating point rather than a guess.
 */
@Dependent
public class SettingsRepository {

  @PersistenceContext(unitName = "facegate")
  EntityManager em;

  @Inject FaceAnalysis engine;

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "facegate.recognition.default-margin")
  double defaultMargin;

  @Inject
  @ConfigProperty(name = "facegate.recognition.duplicate-window-seconds")
  int defaultDuplicateWindow;

  public RecognitionSettings current() {
    RecognitionSettings settings =
        em.find(RecognitionSettings.class, RecognitionSettings.SINGLETON_ID);
    if (settings == null) {
      settings =
          new RecognitionSettings(
              new Thresholds(engine.calibratedThreshold(), defaultMargin),
              defaultDuplicateWindow,
              clock.instant(),
              "system");
      em.persist(settings);
    }
    return settings;
  }
}
