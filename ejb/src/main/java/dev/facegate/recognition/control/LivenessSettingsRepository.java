package dev.facegate.recognition.control;

import dev.facegate.domain.recognition.LivenessBounds;
import dev.facegate.domain.recognition.LivenessSettings;
import dev.facegate.models.liveness.ChallengeVerifier;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;

/**
 * The single liveness settings row, created on first use with the bounds the models measured
 * ({@link ChallengeVerifier.Settings#DEFAULT}, chosen with {@code face-cli liveness-eval}), so the
 * server and the evaluation start from the same operating point.
 */
@Dependent
public class LivenessSettingsRepository {

  @PersistenceContext(unitName = "facegate")
  EntityManager em;

  @Inject Clock clock;

  public LivenessSettings current() {
    LivenessSettings settings = em.find(LivenessSettings.class, LivenessSettings.SINGLETON_ID);
    if (settings == null) {
      settings = new LivenessSettings(measuredDefaults(), clock.instant(), "system");
      em.persist(settings);
    }
    return settings;
  }

  /** The models' defaults as the settings store them. */
  public static LivenessBounds measuredDefaults() {
    ChallengeVerifier.Settings d = ChallengeVerifier.Settings.DEFAULT;
    return new LivenessBounds(
        d.frontalYawDegrees(),
        d.turnYawDegrees(),
        Math.toIntExact(d.timeLimit().toMillis()),
        d.minResidual());
  }

  /**
   * The challenge settings for bounds: the tunable bounds, with the identity and track rules at the
   * models' measured defaults.
   */
  public static ChallengeVerifier.Settings challengeSettings(LivenessBounds bounds) {
    ChallengeVerifier.Settings d = ChallengeVerifier.Settings.DEFAULT;
    return new ChallengeVerifier.Settings(
        bounds.frontalYawDegrees(),
        bounds.turnYawDegrees(),
        java.time.Duration.ofMillis(bounds.timeLimitMillis()),
        d.minSimilarity(),
        d.maxTrackJump(),
        bounds.minResidual());
  }
}
