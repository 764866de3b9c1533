package dev.facegate.attendance.boundary;

import dev.facegate.attendance.control.AttendanceComputer;
import dev.facegate.attendance.control.CsvTableWriter;
import dev.facegate.attendance.control.PdfTimesheet;
import dev.facegate.attendance.control.ReportColumns;
import dev.facegate.attendance.control.TableWriter;
import dev.facegate.attendance.control.XlsxTableWriter;
import dev.facegate.domain.attendance.AttendanceDay;
import dev.facegate.domain.attendance.DayStatus;
import dev.facegate.platform.InvalidInputException;
import dev.facegate.platform.NotFoundException;
import dev.facegate.platform.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Attendance reports for HR and administrators: daily rows for a date range, monthly timesheets
 * with the department summary and chart figures, today's view, and their exports (CSV and XLSX
 * streamed row by row, a PDF timesheet per employee). Read-only. The rules are in {@link
 * dev.facegate.domain.attendance.AttendanceRules}.
 */
@Stateless
@RolesAllowed({Roles.ADMIN, Roles.HR})
public class Reports {

  @Inject AttendanceComputer computer;

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "facegate.attendance.max-report-days")
  int maxReportDays;

  /**
   * Daily rows from {@code from} to {@code to} (inclusive), by department, name, then date.
   *
   * @throws InvalidInputException for a missing, reversed or too long range
   */
  public List<DailyRow> daily(ReportFilter filter, LocalDate from, LocalDate to) {
    List<DailyRow> rows = new ArrayList<>();
    daily(filter, from, to, rows::add);
    return rows;
  }

  /** The same rows handed one by one to {@code sink}, for exports that stream. */
  public void daily(ReportFilter filter, LocalDate from, LocalDate to, Consumer<DailyRow> sink) {
    requireRange(from, to);
    Instant now = clock.instant();
    computer.compute(
        computer.people(filter),
        from,
        to,
        now,
        (person, days) -> {
          for (AttendanceDay day : days) {
            if (filter.status().isEmpty() || filter.status().get() == day.status()) {
              sink.accept(DailyRow.of(person, day));
            }
          }
        });
  }

  /** One employee's days of a month, for the timesheet page and PDF. */
  public List<DailyRow> timesheet(String employeeNumber, YearMonth month) {
    List<DailyRow> rows = new ArrayList<>();
    computer.compute(
        List.of(person(employeeNumber)),
        month.atDay(1),
        month.atEndOfMonth(),
        clock.instant(),
        (person, days) -> days.forEach(d -> rows.add(DailyRow.of(person, d))));
    return rows;
  }

  /** A month: per employee totals, per department sums, and the chart figures. */
  public MonthlyReport monthly(ReportFilter filter, YearMonth month) {
    requireMonth(month);
    List<TimesheetRow> timesheets = new ArrayList<>();
    Map<String, DepartmentSummary> departments = new TreeMap<>();
    Map<LocalDate, int[]> perDate = new TreeMap<>(); // [worked, expected]
    Map<DayOfWeek, Integer> lateByWeekday = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek d : DayOfWeek.values()) {
      lateByWeekday.put(d, 0);
    }
    computer.compute(
        computer.people(filter),
        month.atDay(1),
        month.atEndOfMonth(),
        clock.instant(),
        (person, days) -> {
          TimesheetRow row = TimesheetRow.of(person, days);
          timesheets.add(row);
          departments.merge(
              person.department(),
              new DepartmentSummary(person.department(), 0, 0, 0, 0, 0, 0, 0).plus(row),
              (a, b) -> a.plus(row));
          for (AttendanceDay d : days) {
            boolean expected =
                d.shift() != null
                    && d.status() != DayStatus.ON_LEAVE
                    && d.status() != DayStatus.HOLIDAY
                    && d.status() != DayStatus.EXPECTED;
            boolean worked =
                d.status() == DayStatus.PRESENT
                    || d.status() == DayStatus.LATE
                    || d.status() == DayStatus.INCOMPLETE;
            if (expected) {
              int[] counts = perDate.computeIfAbsent(d.date(), k -> new int[2]);
              counts[1]++;
              if (worked) {
                counts[0]++;
              }
            }
            if (d.status() == DayStatus.LATE) {
              lateByWeekday.merge(d.date().getDayOfWeek(), 1, Integer::sum);
            }
          }
        });
    Map<LocalDate, Double> rate = new TreeMap<>();
    perDate.forEach((date, c) -> rate.put(date, c[1] == 0 ? 0.0 : (double) c[0] / c[1]));
    return new MonthlyReport(
        month, timesheets, List.copyOf(departments.values()), rate, lateByWeekday);
  }

  /**
   * Today at each employee's site (its own local date): who is in, late, absent or expected.
   * Filtering by status selects those rows.
   */
  public List<DailyRow> today(ReportFilter filter) {
    Instant now = clock.instant();
    LocalDate utcToday = LocalDate.ofInstant(now, java.time.ZoneOffset.UTC);
    List<DailyRow> rows = new ArrayList<>();
    computer.compute(
        computer.people(filter),
        utcToday.minusDays(1),
        utcToday.plusDays(1),
        now,
        (person, days) -> {
          LocalDate local = LocalDate.ofInstant(now, person.zone());
          days.stream()
              .filter(d -> d.date().equals(local))
              .filter(d -> filter.status().isEmpty() || filter.status().get() == d.status())
              .forEach(d -> rows.add(DailyRow.of(person, d)));
        });
    return rows;
  }

  /** Streams the daily rows of a range as CSV or XLSX to {@code out} (left open). */
  public void exportDaily(
      ReportFilter filter, LocalDate from, LocalDate to, ExportFormat format, OutputStream out) {
    requireRange(from, to);
    try (TableWriter writer = writer(format, out)) {
      writer.sheet("Daily " + from + " to " + to, ReportColumns.DAILY);
      daily(filter, from, to, row -> write(writer, ReportColumns.cells(row)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes today's rows (see {@link #today}) as CSV or XLSX to {@code out} (left open). */
  public void exportToday(ReportFilter filter, ExportFormat format, OutputStream out) {
    List<DailyRow> rows = today(filter);
    try (TableWriter writer = writer(format, out)) {
      writer.sheet("Today " + todayUtc(), ReportColumns.DAILY);
      for (DailyRow row : rows) {
        writer.row(ReportColumns.cells(row));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Today's date in UTC, for file names. */
  public LocalDate todayUtc() {
    return LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
  }

  /** Streams a month's timesheet totals and department summary (two sheets) to {@code out}. */
  public void exportMonthly(
      ReportFilter filter, YearMonth month, ExportFormat format, OutputStream out) {
    MonthlyReport report = monthly(filter, month);
    try (TableWriter writer = writer(format, out)) {
      writer.sheet("Timesheets " + month, ReportColumns.TIMESHEET);
      for (TimesheetRow t : report.timesheets()) {
        writer.row(ReportColumns.cells(t));
      }
      writer.sheet("Departments " + month, ReportColumns.DEPARTMENTS);
      for (DepartmentSummary d : report.departments()) {
        writer.row(ReportColumns.cells(d));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes one employee's printable timesheet of a month as PDF to {@code out} (left open). */
  public void timesheetPdf(String employeeNumber, YearMonth month, OutputStream out) {
    requireMonth(month);
    Person person = person(employeeNumber);
    List<DailyRow> rows = new ArrayList<>();
    List<AttendanceDay> all = new ArrayList<>();
    computer.compute(
        List.of(person),
        month.atDay(1),
        month.atEndOfMonth(),
        clock.instant(),
        (p, days) -> {
          all.addAll(days);
          days.forEach(d -> rows.add(DailyRow.of(p, d)));
        });
    PdfTimesheet.write(person, month, rows, TimesheetRow.of(person, all), out);
  }

  /** "attendance-daily-2026-11-01_2026-11-30.csv" and the like: the period is in the name. */
  @RolesAllowed({Roles.ADMIN, Roles.HR})
  public String filename(String kind, String period, String extension) {
    return "attendance-" + kind + "-" + period + "." + extension;
  }

  /** The departments that have active employees, for filters. */
  public List<String> departments() {
    return computer.people(ReportFilter.everyone()).stream()
        .map(Person::department)
        .distinct()
        .sorted()
        .toList();
  }

  /** The sites that have active employees, for filters. */
  public List<String> sites() {
    return computer.people(ReportFilter.everyone()).stream()
        .map(Person::site)
        .distinct()
        .sorted()
        .toList();
  }

  /**
   * Checks a date range as {@link #daily} would, so a caller that streams can refuse it before the
   * response starts.
   *
   * @throws InvalidInputException for a missing, reversed or too long range
   */
  public void checkRange(LocalDate from, LocalDate to) {
    requireRange(from, to);
  }

  /**
   * Checks that an active employee has this number, before a stream starts.
   *
   * @throws NotFoundException when none has
   */
  public void checkEmployee(String employeeNumber) {
    person(employeeNumber);
  }

  private Person person(String employeeNumber) {
    if (employeeNumber == null || employeeNumber.isBlank()) {
      throw new InvalidInputException(List.of("An employee number is required."));
    }
    List<Person> found = computer.people(ReportFilter.of(null, null, employeeNumber, null));
    if (found.isEmpty()) {
      throw new NotFoundException(
          "No active employee has the number " + employeeNumber.strip() + ".");
    }
    return found.get(0);
  }

  private void requireRange(LocalDate from, LocalDate to) {
    if (from == null || to == null) {
      throw new InvalidInputException(List.of("A first and a last date are required."));
    }
    if (to.isBefore(from)) {
      throw new InvalidInputException(List.of("The last date is before the first date."));
    }
    if (ChronoUnit.DAYS.between(from, to) + 1 > maxReportDays) {
      throw new InvalidInputException(
          List.of("A report covers at most " + maxReportDays + " days."));
    }
  }

  private static void requireMonth(YearMonth month) {
    if (month == null) {
      throw new InvalidInputException(List.of("A month (yyyy-MM) is required."));
    }
  }

  private static TableWriter writer(ExportFormat format, OutputStream out) {
    if (format == null) {
      throw new InvalidInputException(List.of("A format (CSV or XLSX) is required."));
    }
    return format == ExportFormat.CSV ? new CsvTableWriter(out) : new XlsxTableWriter(out);
  }

  private static void write(TableWriter writer, List<Object> cells) {
    try {
      writer.row(cells);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
