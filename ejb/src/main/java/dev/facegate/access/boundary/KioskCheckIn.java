package dev.facegate.access.boundary;

import static java.util.Objects.requireNonNull;

import dev.facegate.domain.attendance.Direction;
import dev.facegate.domain.attendance.Method;
import dev.facegate.domain.recognition.Outcome;
import java.time.Instant;
import java.util.Optional;

/**
 * The one check-in a kiosk attempt (by face, or by badge) ended with, as the kiosk shows it.
 *
 * @param checkInId the recorded check-in
 * @param outcome MATCH, UNKNOWN when the frames did not agree on anyone, or LIVENESS_FAILED when
 *     the head-turn challenge failed
 * @param method FACE or BADGE
 * @param direction IN or OUT for a MATCH; the chosen one, if any, otherwise
 * @param employeeName the person's full name (MATCH only)
 * @param occurredAt when it was recorded
 * @param greeting what the kiosk says ("Good morning, Ada — checked in 08:57"), or the
 *     not-recognised message
 * @param duplicate a repeat of the same person within the duplicate window
 */
public record KioskCheckIn(
    long checkInId,
    Outcome outcome,
    Method method,
    Optional<Direction> direction,
    Optional<String> employeeName,
    Instant occurredAt,
    String greeting,
    boolean duplicate) {

  /** What the kiosk says when the frames did not agree on an enrolled person. */
  public static final String NOT_RECOGNISED =
      "Not recognised. Step a little closer and look at the screen, or use your badge.";

  /** What the kiosk says when the head-turn challenge failed. */
  public static final String LIVENESS_FAILED =
      "We could not confirm the head turn. Please try again, or use your badge.";

  public KioskCheckIn {
    requireNonNull(outcome, "outcome is required");
    requireNonNull(method, "method is required");
    requireNonNull(direction, "direction is required (empty if none)");
    requireNonNull(employeeName, "name is required (empty if none)");
    requireNonNull(occurredAt, "time is required");
    requireNonNull(greeting, "greeting is required");
  }
}
