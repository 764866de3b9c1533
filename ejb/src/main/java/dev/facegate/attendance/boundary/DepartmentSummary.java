package dev.facegate.attendance.boundary;

/** A department's month: the sums of its employees' timesheets. */
public record DepartmentSummary(
    String department,
    int employees,
    int scheduledDays,
    int presentDays,
    int absentDays,
    int lateDays,
    long workedMinutes,
    long overtimeMinutes) {

  DepartmentSummary plus(TimesheetRow t) {
    return new DepartmentSummary(
        department,
        employees + 1,
        scheduledDays + t.scheduledDays(),
        presentDays + t.presentDays(),
        absentDays + t.absentDays(),
        lateDays + t.lateDays(),
        workedMinutes + t.workedMinutes(),
        overtimeMinutes + t.overtimeMinutes());
  }

  /** Worked hours, rounded to a tenth. */
  public double workedHours() {
    return Math.round(workedMinutes / 6.0) / 10.0;
  }
}
