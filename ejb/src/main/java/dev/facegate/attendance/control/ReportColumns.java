package dev.facegate.attendance.control;

import dev.facegate.attendance.boundary.DailyRow;
import dev.facegate.attendance.boundary.DepartmentSummary;
import dev.facegate.attendance.boundary.TimesheetRow;
import java.util.List;

/** The columns of every export, in one place so CSV, XLSX and PDF agree. */
public final class ReportColumns {

  private ReportColumns() {}

  public static final List<String> DAILY =
      List.of(
          "Employee number",
          "Name",
          "Department",
          "Site",
          "Date",
          "Status",
          "Shift",
          "First in",
          "Last out",
          "Worked hours",
          "Late minutes",
          "Early leave minutes",
          "Overtime minutes",
          "Corrected");

  public static final List<String> TIMESHEET =
      List.of(
          "Employee number",
          "Name",
          "Department",
          "Site",
          "Scheduled days",
          "Days present",
          "Late days",
          "Absences",
          "Leave days",
          "Holidays",
          "Incomplete days",
          "Corrected days",
          "Worked hours",
          "Late minutes",
          "Early leave minutes",
          "Overtime hours");

  public static final List<String> DEPARTMENTS =
      List.of(
          "Department",
          "Employees",
          "Scheduled days",
          "Days present",
          "Absences",
          "Late days",
          "Worked hours",
          "Overtime hours");

  /** Hours from minutes, to two decimals: what payroll sheets want. */
  public static double hours(long minutes) {
    return Math.round(minutes / 60.0 * 100) / 100.0;
  }

  /** The cells of a daily row: String, LocalDate, LocalDateTime, Double, Long or Boolean. */
  public static List<Object> cells(DailyRow r) {
    return java.util.Arrays.asList(
        r.employeeNumber(),
        r.fullName(),
        r.department(),
        r.site(),
        r.date(),
        r.status().name(),
        r.shift(),
        r.firstIn(),
        r.lastOut(),
        hours(r.workedMinutes()),
        r.lateMinutes(),
        r.earlyLeaveMinutes(),
        r.overtimeMinutes(),
        r.corrected());
  }

  public static List<Object> cells(TimesheetRow t) {
    return List.of(
        t.person().number(),
        t.person().name(),
        t.person().department(),
        t.person().site(),
        (long) t.scheduledDays(),
        (long) t.presentDays(),
        (long) t.lateDays(),
        (long) t.absentDays(),
        (long) t.leaveDays(),
        (long) t.holidayDays(),
        (long) t.incompleteDays(),
        (long) t.correctedDays(),
        hours(t.workedMinutes()),
        t.lateMinutes(),
        t.earlyLeaveMinutes(),
        hours(t.overtimeMinutes()));
  }

  public static List<Object> cells(DepartmentSummary d) {
    return List.of(
        d.department(),
        (long) d.employees(),
        (long) d.scheduledDays(),
        (long) d.presentDays(),
        (long) d.absentDays(),
        (long) d.lateDays(),
        hours(d.workedMinutes()),
        hours(d.overtimeMinutes()));
  }
}
