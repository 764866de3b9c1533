package dev.facegate.api.attendance;

import dev.facegate.attendance.boundary.Corrections;
import dev.facegate.attendance.boundary.DepartmentSummary;
import dev.facegate.attendance.boundary.ExportFormat;
import dev.facegate.attendance.boundary.MonthlyReport;
import dev.facegate.attendance.boundary.ReportFilter;
import dev.facegate.attendance.boundary.Reports;
import dev.facegate.attendance.boundary.TimesheetRow;
import dev.facegate.domain.attendance.Correction;
import dev.facegate.domain.attendance.DayStatus;
import dev.facegate.domain.attendance.Leave;
import dev.facegate.domain.attendance.LeaveKind;
import dev.facegate.platform.InvalidInputException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Attendance reports: daily rows, monthly timesheets with the department summary, today's view, as
 * JSON or (Accept: text/csv, or the XLSX media type) as a file; one employee's timesheet as PDF; HR
 * corrections.
 */
@Path("v1/attendance")
@RolesAllowed({"ADMIN", "HR"})
public class AttendanceResource {

  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  @Inject Reports reports;

  @Inject Corrections corrections;

  /** A month's figures as the API shows them. */
  public record MonthlyView(
      String month,
      List<TimesheetView> timesheets,
      List<DepartmentSummary> departments,
      Map<LocalDate, Double> attendanceRate,
      Map<String, Integer> lateByWeekday) {}

  /** One employee's month in totals. */
  public record TimesheetView(
      String employeeNumber,
      String fullName,
      String department,
      String site,
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

    static TimesheetView of(TimesheetRow t) {
      return new TimesheetView(
          t.person().number(),
          t.person().name(),
          t.person().department(),
          t.person().site(),
          t.scheduledDays(),
          t.presentDays(),
          t.lateDays(),
          t.absentDays(),
          t.leaveDays(),
          t.holidayDays(),
          t.incompleteDays(),
          t.correctedDays(),
          t.workedMinutes(),
          t.lateMinutes(),
          t.earlyLeaveMinutes(),
          t.overtimeMinutes());
    }
  }

  /** A correction request: times local to the employee's site, "HH:mm". */
  public record CorrectionRequest(
      String employeeNumber, String date, String in, String out, String reason) {}

  /** A stored correction. */
  public record CorrectionView(
      long id,
      long employeeId,
      LocalDate date,
      Instant correctedIn,
      Instant correctedOut,
      String reason,
      String createdBy,
      Instant createdAt) {

    static CorrectionView of(Correction c) {
      return new CorrectionView(
          c.getId(),
          c.getEmployeeId(),
          c.getWorkDate(),
          c.getCorrectedIn(),
          c.getCorrectedOut(),
          c.getReason(),
          c.getCreatedBy(),
          c.getCreatedAt());
    }
  }

  @GET
  @Path("daily")
  @Produces({MediaType.APPLICATION_JSON, "text/csv", XLSX})
  public Response daily(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("department") String department,
      @QueryParam("site") String site,
      @QueryParam("employee") String employee,
      @QueryParam("status") String status,
      @jakarta.ws.rs.core.Context HttpHeaders headers) {
    LocalDate first = date("from", from);
    LocalDate last = date("to", to);
    ReportFilter filter = ReportFilter.of(department, site, employee, status(status));
    reports.checkRange(first, last);
    ExportFormat format = format(headers);
    if (format == null) {
      return Response.ok(reports.daily(filter, first, last), MediaType.APPLICATION_JSON).build();
    }
    return file(
        out -> reports.exportDaily(filter, first, last, format, out),
        format,
        reports.filename("daily", first + "_" + last, format.extension()));
  }

  @GET
  @Path("monthly")
  @Produces({MediaType.APPLICATION_JSON, "text/csv", XLSX})
  public Response monthly(
      @QueryParam("month") String month,
      @QueryParam("department") String department,
      @QueryParam("site") String site,
      @QueryParam("employee") String employee,
      @jakarta.ws.rs.core.Context HttpHeaders headers) {
    YearMonth m = month(month);
    ReportFilter filter = ReportFilter.of(department, site, employee, null);
    ExportFormat format = format(headers);
    if (format == null) {
      MonthlyReport r = reports.monthly(filter, m);
      return Response.ok(
              new MonthlyView(
                  r.month().toString(),
                  r.timesheets().stream().map(TimesheetView::of).toList(),
                  r.departments(),
                  r.attendanceRate(),
                  r.lateByWeekday().entrySet().stream()
                      .collect(
                          Collectors.toMap(
                              e -> e.getKey().name(),
                              Map.Entry::getValue,
                              (a, b) -> a,
                              java.util.LinkedHashMap::new))),
              MediaType.APPLICATION_JSON)
          .build();
    }
    return file(
        out -> reports.exportMonthly(filter, m, format, out),
        format,
        reports.filename("monthly", m.toString(), format.extension()));
  }

  @GET
  @Path("today")
  @Produces({MediaType.APPLICATION_JSON, "text/csv", XLSX})
  public Response today(
      @QueryParam("department") String department,
      @QueryParam("site") String site,
      @QueryParam("employee") String employee,
      @QueryParam("status") String status,
      @jakarta.ws.rs.core.Context HttpHeaders headers) {
    ReportFilter filter = ReportFilter.of(department, site, employee, status(status));
    ExportFormat format = format(headers);
    if (format == null) {
      return Response.ok(reports.today(filter), MediaType.APPLICATION_JSON).build();
    }
    return file(
        out -> reports.exportToday(filter, format, out),
        format,
        reports.filename("today", reports.todayUtc().toString(), format.extension()));
  }

  @GET
  @Path("timesheets/{employee}")
  @Produces({MediaType.APPLICATION_JSON, "application/pdf"})
  public Response timesheet(
      @PathParam("employee") String employee,
      @QueryParam("month") String month,
      @jakarta.ws.rs.core.Context HttpHeaders headers) {
    YearMonth m = month(month);
    boolean pdf =
        headers.getAcceptableMediaTypes().stream()
            .anyMatch(
                t -> t.isCompatible(MediaType.valueOf("application/pdf")) && !t.isWildcardType());
    if (!pdf) {
      return Response.ok(reports.timesheet(employee, m), MediaType.APPLICATION_JSON).build();
    }
    reports.checkEmployee(employee);
    return Response.ok(
            (StreamingOutput) out -> reports.timesheetPdf(employee, m, out), "application/pdf")
        .header(
            "Content-Disposition",
            "attachment; filename=\"timesheet-" + safe(employee) + "-" + m + ".pdf\"")
        .build();
  }

  @POST
  @Path("corrections")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response correct(CorrectionRequest request) {
    if (request == null) {
      throw new InvalidInputException(List.of("A JSON body is required."));
    }
    Correction c =
        corrections.correct(
            request.employeeNumber(),
            date("date", request.date()),
            time("in", request.in()),
            time("out", request.out()),
            request.reason());
    return Response.status(Response.Status.CREATED).entity(CorrectionView.of(c)).build();
  }

  /** Approved leave over whole days: kind VACATION, SICK or OTHER. */
  public record LeaveRequest(String employeeNumber, String kind, String firstDay, String lastDay) {}

  /** Stored leave. */
  public record LeaveView(
      long id,
      long employeeId,
      String kind,
      LocalDate firstDay,
      LocalDate lastDay,
      String recordedBy) {}

  @POST
  @Path("leave")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response recordLeave(LeaveRequest request) {
    if (request == null) {
      throw new InvalidInputException(List.of("A JSON body is required."));
    }
    LeaveKind kind;
    try {
      kind = LeaveKind.valueOf(String.valueOf(request.kind()).strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(List.of("kind must be one of VACATION, SICK, OTHER."));
    }
    Leave l =
        corrections.recordLeave(
            request.employeeNumber(),
            kind,
            date("firstDay", request.firstDay()),
            date("lastDay", request.lastDay()));
    return Response.status(Response.Status.CREATED)
        .entity(
            new LeaveView(
                l.getId(),
                l.getEmployeeId(),
                l.getKind().name(),
                l.getFirstDay(),
                l.getLastDay(),
                l.getRecordedBy()))
        .build();
  }

  private static Response file(StreamingOutput body, ExportFormat format, String filename) {
    return Response.ok(body, format.mediaType())
        .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
        .build();
  }

  /** CSV or XLSX when the client asks for one of them explicitly, else null (JSON). */
  private static ExportFormat format(HttpHeaders headers) {
    for (MediaType t : headers.getAcceptableMediaTypes()) {
      if (t.isWildcardType() || t.isWildcardSubtype()) {
        return null;
      }
      if (t.isCompatible(MediaType.valueOf("text/csv"))) {
        return ExportFormat.CSV;
      }
      if (t.isCompatible(MediaType.valueOf(XLSX))) {
        return ExportFormat.XLSX;
      }
      if (t.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
        return null;
      }
    }
    return null;
  }

  private static String safe(String text) {
    return text.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  private static LocalDate date(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(List.of(name + " is required (yyyy-MM-dd)."));
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(List.of(name + " must be a date such as 2026-11-30."));
    }
  }

  private static LocalTime time(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalTime.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(List.of(name + " must be a time such as 17:30."));
    }
  }

  private static YearMonth month(String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(List.of("month is required (yyyy-MM)."));
    }
    try {
      return YearMonth.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(List.of("month must be a month such as 2026-11."));
    }
  }

  private static DayStatus status(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return DayStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          List.of(
              "status must be one of "
                  + Arrays.stream(DayStatus.values())
                      .map(Enum::name)
                      .collect(Collectors.joining(", "))
                  + "."));
    }
  }
}
