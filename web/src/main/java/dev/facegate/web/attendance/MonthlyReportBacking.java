package dev.facegate.web.attendance;

import dev.facegate.attendance.boundary.DepartmentSummary;
import dev.facegate.attendance.boundary.ExportFormat;
import dev.facegate.attendance.boundary.MonthlyReport;
import dev.facegate.attendance.boundary.ReportFilter;
import dev.facegate.attendance.boundary.Reports;
import dev.facegate.attendance.boundary.TimesheetRow;
import dev.facegate.platform.BusinessException;
import dev.facegate.web.platform.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The monthly timesheets with the department summary, the charts and the exports. */
@Named
@ViewScoped
public class MonthlyReportBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Reports reports;

  private String month;
  private String department;
  private String site;
  private List<String> departments;
  private List<String> sites;
  private List<String> months;
  private transient MonthlyReport report;
  private String rateChart;
  private String lateChart;
  private String hoursChart;

  @PostConstruct
  void init() {
    departments = reports.departments();
    sites = reports.sites();
    YearMonth now = YearMonth.from(reports.todayUtc());
    months = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      months.add(now.minusMonths(i).toString());
    }
    if (month == null) {
      month = now.toString();
    }
    apply();
  }

  public void apply() {
    YearMonth m;
    try {
      m = YearMonth.parse(month == null ? "" : month.strip());
    } catch (DateTimeParseException e) {
      Messages.error("The month must look like 2026-11.");
      return;
    }
    try {
      report = reports.monthly(ReportFilter.of(department, site, null, null), m);
    } catch (BusinessException e) {
      Messages.error(e);
      return;
    }
    List<String> dates = new ArrayList<>();
    List<Double> rates = new ArrayList<>();
    report
        .attendanceRate()
        .forEach(
            (date, rate) -> {
              dates.add(String.valueOf(date.getDayOfMonth()));
              rates.add(Math.round(rate * 1000) / 10.0);
            });
    rateChart = Charts.line("Attendance %", dates, rates, "#2f7ed8", 100);
    List<String> weekdays = new ArrayList<>();
    List<Integer> lates = new ArrayList<>();
    for (DayOfWeek d : DayOfWeek.values()) {
      weekdays.add(d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
      lates.add(report.lateByWeekday().get(d));
    }
    lateChart = Charts.bar("Late arrivals", weekdays, lates, "#e8a33d");
    hoursChart =
        Charts.bar(
            "Hours worked",
            report.departments().stream().map(DepartmentSummary::department).toList(),
            report.departments().stream().map(DepartmentSummary::workedHours).toList(),
            "#3aa76d");
  }

  public void exportCsv() {
    export(ExportFormat.CSV);
  }

  public void exportXlsx() {
    export(ExportFormat.XLSX);
  }

  private void export(ExportFormat format) {
    YearMonth m;
    try {
      m = YearMonth.parse(month);
    } catch (DateTimeParseException | NullPointerException e) {
      Messages.error("The month must look like 2026-11.");
      return;
    }
    ReportFilter filter = ReportFilter.of(department, site, null, null);
    Downloads.send(
        format.mediaType(),
        reports.filename("monthly", m.toString(), format.extension()),
        out -> reports.exportMonthly(filter, m, format, out));
  }

  public String hours(long minutes) {
    return String.format(Locale.ROOT, "%.1f", minutes / 60.0);
  }

  public List<TimesheetRow> getTimesheets() {
    return report == null ? List.of() : report.timesheets();
  }

  public List<DepartmentSummary> getSummary() {
    return report == null ? List.of() : report.departments();
  }

  public String getRateChart() {
    return rateChart;
  }

  public String getLateChart() {
    return lateChart;
  }

  public String getHoursChart() {
    return hoursChart;
  }

  public List<String> getMonths() {
    return months;
  }

  public List<String> getDepartments() {
    return departments;
  }

  public List<String> getSites() {
    return sites;
  }

  public String getMonth() {
    return month;
  }

  public void setMonth(String month) {
    this.month = month;
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
}
