package dev.facegate.domain.attendance;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One employee's computed attendance on one date. All durations in whole minutes.
 *
 * @param date the local date at the employee's site
 * @param status the outcome of the rules
 * @param shift the planned shift's name, or null
 * @param firstIn the first arrival (corrected if {@code corrected}), or null
 * @param lastOut the last departure (corrected if {@code corrected}), or null
 * @param workedMinutes time at work minus the part of the break not already taken outside
 * @param lateMinutes minutes after shift start of an arrival later than the grace, else 0
 * @param earlyLeaveMinutes minutes before shift end of a departure earlier than the grace, else 0
 * @param overtimeMinutes worked minus planned, when positive (all of it on a day without a shift)
 * @param corrected whether an HR correction changed the day
 * @param presentNow whether the employee arrived and has not left yet (today's view)
 */
public record AttendanceDay(
    LocalDate date,
    DayStatus status,
    String shift,
    Instant firstIn,
    Instant lastOut,
    long workedMinutes,
    long lateMinutes,
    long earlyLeaveMinutes,
    long overtimeMinutes,
    boolean corrected,
    boolean presentNow) {

  public AttendanceDay {
    requireNonNull(date, "date is required");
    requireNonNull(status, "status is required");
  }
}
