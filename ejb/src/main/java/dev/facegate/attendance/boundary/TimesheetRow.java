package dev.facegate.attendance.boundary;

import dev.facegate.domain.attendance.AttendanceDay;
import java.util.List;

/**
 * One employee's month in totals.
 *
 * @param scheduledDays days with a shift that were neither leave nor holiday
 * @param presentDays days worked (PRESENT, LATE or INCOMPLETE), shift or not
 */
public record TimesheetRow(
    Person person,
    int scheduledDays,
    int presentDays,
    int lateDays,
    int absentDays,
    int leaveDays,
    int holidayDays,
    int incompleteDays,
    int correctedDays,
    long workedMinutes,
    long lateMinutes,
    long earlyLeaveMinutes,
    long overtimeMinutes) {

  static TimesheetRow of(Person person, List<AttendanceDay> days) {
    int scheduled = 0;
    int present = 0;
    int late = 0;
    int absent = 0;
    int leave = 0;
    int holiday = 0;
    int incomplete = 0;
    int corrected = 0;
    long worked = 0;
    long lateMinutes = 0;
    long early = 0;
    long overtime = 0;
    for (AttendanceDay d : days) {
      switch (d.status()) {
        case PRESENT -> present++;
        case LATE -> {
          present++;
          late++;
        }
        case INCOMPLETE -> {
          present++;
          incomplete++;
        }
        case ABSENT -> absent++;
        case ON_LEAVE -> leave++;
        case HOLIDAY -> holiday++;
        case DAY_OFF, EXPECTED -> {}
      }
      if (d.shift() != null
          && d.status() != dev.facegate.domain.attendance.DayStatus.ON_LEAVE
          && d.status() != dev.facegate.domain.attendance.DayStatus.HOLIDAY) {
        scheduled++;
      }
      corrected += d.corrected() ? 1 : 0;
      worked += d.workedMinutes();
      lateMinutes += d.lateMinutes();
      early += d.earlyLeaveMinutes();
      overtime += d.overtimeMinutes();
    }
    return new TimesheetRow(
        person,
        scheduled,
        present,
        late,
        absent,
        leave,
        holiday,
        incomplete,
        corrected,
        worked,
        lateMinutes,
        early,
        overtime);
  }
}
