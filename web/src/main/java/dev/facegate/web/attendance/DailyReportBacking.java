package dev.facegate.web.attendance;

import dev.facegate.attendance.boundary.DailyRow;
import dev.facegate.attendance.boundary.ExportFormat;
import dev.facegate.attendance.boundary.ReportFilter;
import dev.facegate.attendance.boundary.Reports;
import dev.facegate.domain.attendance.DayStatus;
import dev.facegate.platform.BusinessException;
import dev.facegate.web.platform.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/** The daily report: a date range with filters, its table and its CSV / XLSX exports. */
@Named
@ViewScoped
public class DailyReportBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Reports reports;

  private LocalDate from;
  private LocalDate to;
  private String department;
  private String site;
  private String employeeNumber;
  private DayStatus status;
  private List<String> departments;
  private List<String> sites;
  private List<DailyRow> rows = List.of();

  @PostConstruct
  void init() {
    departments = reports.departments();
    sites = reports.sites();
    to = reports.todayUtc();
    from = to.withDayOfMonth(1);
    apply();
  }

  public void apply() {
    try {
      rows = reports.daily(filter(), from, to);
    } catch (BusinessException e) {
      rows = List.of();
      Messages.error(e);
    }
  }

  public void reset() {
    department = null;
    site = null;
    employeeNumber = null;
    status = null;
    apply();
  }

  public void exportCsv() {
    export(ExportFormat.CSV);
  }

  public void exportXlsx() {
    export(ExportFormat.XLSX);
  }

  private void export(ExportFormat format) {
    try {
      reports.checkRange(from, to);
    } catch (BusinessException e) {
      Messages.error(e);
      return;
    }
    ReportFilter filter = filter();
    Downloads.send(
        format.mediaType(),
        reports.filename("daily", from + "_" + to, format.extension()),
        out -> reports.exportDaily(filter, from, to, format, out));
  }

  private ReportFilter filter() {
    return ReportFilter.of(department, site, employeeNumber, status);
  }

  public DayStatus[] getStatuses() {
    return DayStatus.values();
  }

  public List<DailyRow> getRows() {
    return rows;
  }

  public List<String> getDepartments() {
    return departments;
  }

  public List<String> getSites() {
    return sites;
  }

  public LocalDate getFrom() {
    return from;
  }

  public void setFrom(LocalDate from) {
    this.from = from;
  }

  public LocalDate getTo() {
    return to;
  }

  public void setTo(LocalDate to) {
    this.to = to;
  }

  public String getDepartment() {
    return department;
  }

  public void setDepartment(String department) {
    this.department = department;
  }

  public String getSite() {
    return site;
  }

  public void setSite(String site) {
    this.site = site;
  }

  public String getEmployeeNumber() {
    return employeeNumber;
  }

  public void setEmployeeNumber(String employeeNumber) {
    this.employeeNumber = employeeNumber;
  }

  public DayStatus getStatus() {
    return status;
  }

  public void setStatus(DayStatus status) {
    this.status = status;
  }
}
