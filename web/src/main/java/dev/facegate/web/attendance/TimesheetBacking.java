package dev.facegate.web.attendance;

import dev.facegate.attendance.boundary.Corrections;
import dev.facegate.attendance.boundary.DailyRow;
import dev.facegate.attendance.boundary.Reports;
import dev.facegate.domain.attendance.Correction;
import dev.facegate.domain.attendance.LeaveKind;
import dev.facegate.platform.BusinessException;
import dev.facegate.web.platform.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * One employee's month, day by day, with the PDF and HR's corrections. Parameters {@code employee}
 * (number) and {@code month} (yyyy-MM).
 */
@Named
@ViewScoped
public class TimesheetBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Reports reports;

  @Inject Corrections corrections;

  private String employee;
  private String month;
  private YearMonth parsed;
  private List<DailyRow> rows = List.of();
  private List<Correction> history = List.of();

  private LeaveKind leaveKind = LeaveKind.VACATION;
  private LocalDate leaveFirst;
  private LocalDate leaveLast;

  private LocalDate correctionDate;
  private String correctionIn;
  private String correctionOut;
  private String correctionReason;

  /** Reads the parameters (f:viewAction). */
  public void load() {
    if (employee == null || employee.isBlank()) {
      Messages.error("Choose an employee: the page needs ?employee=NUMBER.");
      return;
    }
    try {
      parsed =
          month == null || month.isBlank()
              ? YearMonth.from(reports.todayUtc())
              : YearMonth.parse(month.strip());
    } catch (DateTimeParseException e) {
      Messages.error("The month must look like 2026-11.");
      return;
    }
    month = parsed.toString();
    try {
      rows = reports.timesheet(employee, parsed);
      history = corrections.history(employee, parsed.atDay(1), parsed.atEndOfMonth());
    } catch (BusinessException e) {
      rows = List.of();
      Messages.error(e);
    }
  }

  /** Opens the correction form for a day. */
  public void prepare(DailyRow row) {
    correctionDate = row.date();
    correctionIn = row.firstIn() == null ? null : row.firstIn().toLocalTime().toString();
    correctionOut = row.lastOut() == null ? null : row.lastOut().toLocalTime().toString();
    correctionReason = null;
  }

  public void correct() {
    LocalTime in;
    LocalTime out;
    try {
      in = time(correctionIn);
      out = time(correctionOut);
    } catch (DateTimeParseException e) {
      Messages.error("Times must look like 08:00 or 17:30.");
      return;
    }
    try {
      corrections.correct(employee, correctionDate, in, out, correctionReason);
      Messages.info("Correction of " + correctionDate + " saved.");
      load();
      org.primefaces.PrimeFaces.current().executeScript("PF('correctionDialog').hide()");
    } catch (BusinessException e) {
      Messages.error(e);
    }
  }

  /** Records approved leave for the employee (HR or administrators; audited). */
  public void recordLeave() {
    try {
      corrections.recordLeave(employee, leaveKind, leaveFirst, leaveLast);
      Messages.info(
          leaveKind.name().charAt(0)
              + leaveKind.name().substring(1).toLowerCase(java.util.Locale.ROOT)
              + " leave from "
              + leaveFirst
              + " to "
              + leaveLast
              + " recorded.");
      leaveFirst = null;
      leaveLast = null;
      load();
    } catch (BusinessException e) {
      Messages.error(e);
    }
  }

  public LeaveKind[] getLeaveKinds() {
    return LeaveKind.values();
  }

  public LeaveKind getLeaveKind() {
    return leaveKind;
  }

  public void setLeaveKind(LeaveKind leaveKind) {
    this.leaveKind = leaveKind;
  }

  public LocalDate getLeaveFirst() {
    return leaveFirst;
  }

  public void setLeaveFirst(LocalDate leaveFirst) {
    this.leaveFirst = leaveFirst;
  }

  public LocalDate getLeaveLast() {
    return leaveLast;
  }

  public void setLeaveLast(LocalDate leaveLast) {
    this.leaveLast = leaveLast;
  }

  public void pdf() {
    if (parsed == null) {
      Messages.error("Choose an employee and a month first.");
      return;
    }
    try {
      reports.checkEmployee(employee);
    } catch (BusinessException e) {
      Messages.error(e);
      return;
    }
    Downloads.send(
        "application/pdf",
        "timesheet-" + employee + "-" + parsed + ".pdf",
        out -> reports.timesheetPdf(employee, parsed, out));
  }

  private static LocalTime time(String text) {
    return text == null || text.isBlank() ? null : LocalTime.parse(text.strip());
  }

  public String getPersonTitle() {
    return rows.isEmpty()
        ? employee
        : rows.get(0).fullName() + " (" + rows.get(0).employeeNumber() + ")";
  }

  public String getPreviousMonth() {
    return parsed == null ? null : parsed.minusMonths(1).toString();
  }

  public String getNextMonth() {
    return parsed == null ? null : parsed.plusMonths(1).toString();
  }

  public long getWorkedMinutes() {
    return rows.stream().mapToLong(DailyRow::workedMinutes).sum();
  }

  public List<DailyRow> getRows() {
    return rows;
  }

  public List<Correction> getHistory() {
    return history;
  }

  public String getEmployee() {
    return employee;
  }

  public void setEmployee(String employee) {
    this.employee = employee;
  }

  public String getMonth() {
    return month;
  }

  public void setMonth(String month) {
    this.month = month;
  }

  public LocalDate getCorrectionDate() {
    return correctionDate;
  }

  public void setCorrectionDate(LocalDate correctionDate) {
    this.correctionDate = correctionDate;
  }

  public String getCorrectionIn() {
    return correctionIn;
  }

  public void setCorrectionIn(String correctionIn) {
    this.correctionIn = correctionIn;
  }

  public String getCorrectionOut() {
    return correctionOut;
  }

  public void setCorrectionOut(String correctionOut) {
    this.correctionOut = correctionOut;
  }

  public String getCorrectionReason() {
    return correctionReason;
  }

  public void setCorrectionReason(String correctionReason) {
    this.correctionReason = correctionReason;
  }
}
