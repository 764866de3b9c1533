package dev.facegate.domain.attendance;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * What was expected of an employee on one date, and HR's correction if any.
 *
 * @param date the local date at the employee's site
 * @param shift the planned shift, or null for none (day off, no schedule yet)
 * @param holiday the public holiday's name, or null
 * @param leave the approved leave, or null
 * @param correction HR's correction, or null
 */
public record DayPlan(
    LocalDate date, PlannedShift shift, String holiday, LeaveKind leave, DayCorrection correction) {

  public DayPlan {
    requireNonNull(date, "date is required");
  }

  /** A plain working day with a shift and nothing else. */
  public static DayPlan working(LocalDate date, PlannedShift shift) {
    return new DayPlan(date, requireNonNull(shift, "shift is required"), null, null, null);
  }

  public DayPlan withHoliday(String name) {
    return new DayPlan(date, shift, name, leave, correction);
  }

  public DayPlan withLeave(LeaveKind kind) {
    return new DayPlan(date, shift, holiday, kind, correction);
  }

  public DayPlan withCorrection(DayCorrection value) {
    return new DayPlan(date, shift, holiday, leave, value);
  }
}
