package dev.facegate.attendance.boundary;

import static java.util.Objects.requireNonNull;

import dev.facegate.domain.attendance.DayStatus;
import java.util.Optional;

/**
 * Who and what a report shows; every part is optional (empty: everyone, every status).
 *
 * @param department exact department name
 * @param site exact site name
 * @param employeeNumber one employee
 * @param status only days with this status (daily reports and the today view)
 */
public record ReportFilter(
    Optional<String> department,
    Optional<String> site,
    Optional<String> employeeNumber,
    Optional<DayStatus> status) {

  public ReportFilter {
    requireNonNull(department, "department (empty for all) is required");
    requireNonNull(site, "site (empty for all) is required");
    requireNonNull(employeeNumber, "employee number (empty for all) is required");
    requireNonNull(status, "status (empty for all) is required");
    department = department.map(String::strip).filter(s -> !s.isEmpty());
    site = site.map(String::strip).filter(s -> !s.isEmpty());
    employeeNumber = employeeNumber.map(String::strip).filter(s -> !s.isEmpty());
  }

  public static ReportFilter everyone() {
    return new ReportFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** The same filter from nullable values, as forms and query parameters give them. */
  public static ReportFilter of(
      String department, String site, String employeeNumber, DayStatus status) {
    return new ReportFilter(
        Optional.ofNullable(department),
        Optional.ofNullable(site),
        Optional.ofNullable(employeeNumber),
        Optional.ofNullable(status));
  }
}
