package dev.facegate.recognition.boundary;

import dev.facegate.domain.audit.AuditAction;
import dev.facegate.domain.recognition.RecognitionSettings;
import dev.facegate.domain.recognition.Thresholds;
import dev.facegate.platform.InvalidInputException;
import dev.facegate.platform.Roles;
import dev.facegate.platform.control.AuditLog;
import dev.facegate.recognition.control.SettingsRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/** The operating point of recognition: threshold, margin, duplicate window, site overrides. */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class Settings {

  @Inject SettingsRepository settings;

  @Inject AuditLog audit;

  @Inject Clock clock;

  @RolesAllowed({Roles.ADMIN, Roles.HR})
  public RecognitionSettings current() {
    return settings.current();
  }

  public RecognitionSettings change(double threshold, double margin, int duplicateWindowSeconds) {
    Thresholds thresholds;
    try {
      thresholds = new Thresholds(threshold, margin);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(List.of(e.getMessage() + "."));
    }
    if (duplicateWindowSeconds < 0 || duplicateWindowSeconds > 86_400) {
      throw new InvalidInputException(List.of("duplicateWindowSeconds must be 0 to 86400."));
    }
    RecognitionSettings current = settings.current();
    current.change(thresholds, duplicateWindowSeconds, clock.instant(), audit.actor());
    audit.record(
        AuditAction.SETTINGS_CHANGED,
        null,
        String.format(
            Locale.ROOT,
            "Threshold %.3f, margin %.3f, duplicate window %d s.",
            threshold,
            margin,
            duplicateWindowSeconds));
    return current;
  }
}
