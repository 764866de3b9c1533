package dev.facegate.domain.attendance;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * HR's correction of one attendance day: replaces the arrival, the departure, or both.
 *
 * @param in the corrected arrival, or null to keep the recorded one
 * @param out the corrected departure, or null to keep the recorded one
 * @param reason why (shown in reports)
 * @param by the HR user who made it
 */
public record DayCorrection(Instant in, Instant out, String reason, String by) {

  public DayCorrection {
    if (in == null && out == null) {
      throw new IllegalArgumentException("a correction sets an arrival, a departure or both");
    }
    if (in != null && out != null && !out.isAfter(in)) {
      throw new IllegalArgumentException("the corrected departure must be after the arrival");
    }
    requireNonNull(reason, "reason is required");
    requireNonNull(by, "author is required");
  }
}
