package dev.facegate.attendance.boundary;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * A month: timesheet totals per employee, the department summary and the figures of the charts.
 *
 * @param attendanceRate per date, days worked over days expected (scheduled, not leave or holiday),
 *     0 to 1; dates with nobody expected are left out
 * @param lateByWeekday late arrivals per weekday, Monday first, every weekday present
 */
public record MonthlyReport(
    YearMonth month,
    List<TimesheetRow> timesheets,
    List<DepartmentSummary> departments,
    Map<LocalDate, Double> attendanceRate,
    Map<DayOfWeek, Integer> lateByWeekday) {}
