package dev.facegate.recognition.boundary;

import dev.facegate.domain.audit.AuditAction;
import dev.facegate.domain.recognition.LivenessBounds;
import dev.facegate.domain.recognition.LivenessSettings;
import dev.facegate.models.liveness.ChallengeVerifier;
import dev.facegate.platform.InvalidInputException;
import dev.facegate.platform.NotFoundException;
import dev.facegate.platform.Roles;
import dev.facegate.platform.control.AuditLog;
import dev.facegate.recognition.control.LivenessSettingsRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;

/**
 * The liveness bounds (yaw bounds, time limit, residual threshold) of the installation and its
 * sites. Every change is audited ({@code LIVENESS_SETTINGS_CHANGED}) with the bounds before and
 * after.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class Liveness {

  @Inject LivenessSettingsRepository settings;

  @Inject AuditLog audit;

  @Inject Clock clock;

  @RolesAllowed({Roles.ADMIN, Roles.HR})
  public LivenessSettings current() {
    return settings.current();
  }

  /** The bounds in force at a device's site. */
  @RolesAllowed(Roles.DEVICE)
  public LivenessBounds boundsFor(String site) {
    return settings.current().boundsFor(site);
  }

  /**
   * The head-turn challenge's settings at a device's site: the site's bounds, with the identity and
   * track rules at the models' measured defaults.
   */
  @RolesAllowed(Roles.DEVICE)
  public ChallengeVerifier.Settings challengeSettingsFor(String site) {
    return LivenessSettingsRepository.challengeSettings(boundsFor(site));
  }

  /**
   * Changes the installation's bounds, or a site's own.
   *
   * @param site the site to override, or null for the installation's bounds
   * @throws InvalidInputException bounds out of range
   */
  public LivenessSettings change(
      String site,
      double frontalYawDegrees,
      double turnYawDegrees,
      int timeLimitMillis,
      double minResidual) {
    LivenessBounds bounds;
    try {
      bounds = new LivenessBounds(frontalYawDegrees, turnYawDegrees, timeLimitMillis, minResidual);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(List.of(e.getMessage() + "."));
    }
    String scope = scope(site);
    LivenessSettings current = settings.current();
    LivenessBounds before = current.boundsFor(scope);
    if (scope == null) {
      current.change(bounds, clock.instant(), audit.actor());
    } else {
      current.overrideForSite(scope, bounds, clock.instant(), audit.actor());
    }
    audit.record(
        AuditAction.LIVENESS_SETTINGS_CHANGED,
        subject(scope),
        label(scope) + ": " + before.describe() + " -> " + bounds.describe() + ".");
    return current;
  }

  /**
   * A site goes back to the installation's bounds.
   *
   * @throws NotFoundException the site has no bounds of its own
   */
  public LivenessSettings removeSiteOverride(String site) {
    String scope = scope(site);
    if (scope == null) {
      throw new InvalidInputException(List.of("A site is required."));
    }
    LivenessSettings current = settings.current();
    LivenessBounds before = current.boundsFor(scope);
    if (!current.removeSiteOverride(scope, clock.instant(), audit.actor())) {
      throw new NotFoundException("Site " + scope + " has no liveness bounds of its own.");
    }
    audit.record(
        AuditAction.LIVENESS_SETTINGS_CHANGED,
        subject(scope),
        label(scope)
            + ": own bounds ("
            + before.describe()
            + ") removed; the installation's apply ("
            + current.defaults().describe()
            + ").");
    return current;
  }

  private static String scope(String site) {
    if (site == null || site.isBlank()) {
      return null;
    }
    String s = site.strip();
    if (s.length() > 100) {
      throw new InvalidInputException(List.of("site must be at most 100 characters."));
    }
    return s;
  }

  private static String label(String site) {
    return site == null ? "Installation" : "Site " + site;
  }

  private static String subject(String site) {
    String subject = site == null ? "installation" : "site " + site;
    return subject.length() > 100 ? subject.substring(0, 100) : subject;
  }
}
