package dev.facegate.domain.recognition;

import java.util.Locale;

/**
 * The bounds of the liveness checks that an installation tunes (the head-turn challenge and the
 * passive motion check; see docs/liveness.md for what each means and how the defaults were
 * measured).
 *
 * @param frontalYawDegrees a face with |yaw| at most this counts as frontal
 * @param turnYawDegrees the yaw the head must pass in the asked direction
 * @param timeLimitMillis how long the challenge may take from its first frame
 * @param minResidual the least homography residual of the landmarks (per eye distance) that counts
 *     as a head rather than a flat picture, for the challenge and for door bursts
 */
public record LivenessBounds(
    double frontalYawDegrees, double turnYawDegrees, int timeLimitMillis, double minResidual) {

  /** The longest time limit (the models' own limit). */
  public static final int MAX_TIME_LIMIT_MILLIS = 30_000;

  /** Validates the bounds; the messages name the field for the caller's problem list. */
  public LivenessBounds {
    if (!(frontalYawDegrees > 0 && turnYawDegrees > frontalYawDegrees && turnYawDegrees < 90)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "need 0 < frontalYawDegrees < turnYawDegrees < 90, got %s and %s",
              frontalYawDegrees,
              turnYawDegrees));
    }
    if (timeLimitMillis <= 0 || timeLimitMillis > MAX_TIME_LIMIT_MILLIS) {
      throw new IllegalArgumentException(
          "timeLimitMillis must be 1 to " + MAX_TIME_LIMIT_MILLIS + ", got " + timeLimitMillis);
    }
    // A residual of one eye distance would refuse every real head: the bound is a small fraction.
    if (!(minResidual >= 0 && minResidual < 1)) {
      throw new IllegalArgumentException("minResidual must lie in [0, 1), got " + minResidual);
    }
  }

  /** One line for the audit trail and logs. */
  public String describe() {
    return String.format(
        Locale.ROOT,
        "frontal %.1f deg, turn %.1f deg, time limit %d ms, residual %.3f",
        frontalYawDegrees,
        turnYawDegrees,
        timeLimitMillis,
        minResidual);
  }
}
