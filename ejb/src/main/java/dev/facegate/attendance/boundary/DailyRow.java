package dev.facegate.attendance.boundary;

import dev.facegate.domain.attendance.AttendanceDay;
import dev.facegate.domain.attendance.DayStatus;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * One employee's attendance on one date, with times in the site's zone.
 *
 * @param firstIn first arrival, local to the site, or null
 * @param lastOut last departure, local to the site (the next date for a night shift), or null
 */
public record DailyRow(
    long employeeId,
    String employeeNumber,
    String fullName,
    String department,
    String site,
    String zone,
    LocalDate date,
    DayStatus status,
    String shift,
    LocalDateTime firstIn,
    LocalDateTime lastOut,
    long workedMinutes,
    long lateMinutes,
    long earlyLeaveMinutes,
    long overtimeMinutes,
    boolean corrected,
    boolean presentNow) {

  static DailyRow of(Person person, AttendanceDay day) {
    ZoneId zone = person.zone();
    return new DailyRow(
        person.id(),
        person.number(),
        person.name(),
        person.department(),
        person.site(),
        zone.getId(),
        day.date(),
        day.status(),
        day.shift(),
        day.firstIn() == null ? null : LocalDateTime.ofInstant(day.firstIn(), zone),
        day.lastOut() == null ? null : LocalDateTime.ofInstant(day.lastOut(), zone),
        day.workedMinutes(),
        day.lateMinutes(),
        day.earlyLeaveMinutes(),
        day.overtimeMinutes(),
        day.corrected(),
        day.presentNow());
  }
}
