package dev.facegate.domain.attendance;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One accepted check-in of an employee as attendance sees it: a MATCH that was not a duplicate.
 *
 * @param at when it happened
 * @param method face, badge or door
 * @param direction IN or OUT for kiosk check-ins; null for door passages, whose direction {@link
 *     Pairing} infers
 */
public record Passage(Instant at, Method method, Direction direction) {

  public Passage {
    requireNonNull(at, "time is required");
    requireNonNull(method, "method is required");
    if (method != Method.DOOR && direction == null) {
      throw new IllegalArgumentException("a kiosk check-in (" + method + ") needs a direction");
    }
  }

  /** A kiosk check-in by face. */
  public static Passage face(Instant at, Direction direction) {
    return new Passage(at, Method.FACE, requireNonNull(direction, "direction is required"));
  }

  /** A door passage: no direction. */
  public static Passage door(Instant at) {
    return new Passage(at, Method.DOOR, null);
  }
}
