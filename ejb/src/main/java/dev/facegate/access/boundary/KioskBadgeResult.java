package dev.facegate.access.boundary;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * The answer to a badge (or PIN) typed on a kiosk's keypad. Every try is audited.
 *
 * @param status accepted, refused, or refused because the keypad or the employee is locked
 * @param checkIn the BADGE check-in, when accepted
 * @param lockedUntil until when tries are refused, when locked
 * @param message what the kiosk shows
 */
public record KioskBadgeResult(
    Status status, Optional<KioskCheckIn> checkIn, Optional<Instant> lockedUntil, String message) {

  /** How a badge try ended. */
  public enum Status {
    ACCEPTED,
    REFUSED,
    LOCKED
  }

  public KioskBadgeResult {
    requireNonNull(status, "status is required");
    requireNonNull(checkIn, "check-in is required (empty if none)");
    requireNonNull(lockedUntil, "lock is required (empty if none)");
    requireNonNull(message, "message is required");
    if ((status == Status.ACCEPTED) != checkIn.isPresent()) {
      throw new IllegalArgumentException("a check-in comes exactly with an accepted badge");
    }
  }
}
