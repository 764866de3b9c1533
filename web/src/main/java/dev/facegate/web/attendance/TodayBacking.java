package dev.facegate.web.attendance;

import dev.facegate.attendance.boundary.DailyRow;
import dev.facegate.attendance.boundary.ReportFilter;
import dev.facegate.attendance.boundary.Reports;
import dev.facegate.domain.attendance.DayStatus;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Today: who is in, late, absent or still expected, per department; the page polls it. */
@Named
@ViewScoped
public class TodayBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Reports reports;

  @Inject
  @ConfigProperty(name = "facegate.attendance.today-refresh-seconds")
  int refreshSeconds;

  private String department;
  private String site;
  private List<String> departments;
  private List<String> sites;
  private List<DailyRow> rows = List.of();
  private List<DepartmentToday> summary = List.of();

  /** One department's counts today. */
  public record DepartmentToday(
      String department, int in, int late, int absent, int expected, int away, int left) {}

  @PostConstruct
  void init() {
    departments = reports.departments();
    sites = reports.sites();
    refresh();
  }

  public void refresh() {
    rows = reports.today(ReportFilter.of(department, site, null, null));
    Map<String, int[]> counts = new TreeMap<>();
    for (DailyRow r : rows) {
      int[] c = counts.computeIfAbsent(r.department(), k -> new int[6]);
      if (r.presentNow()) {
        c[0]++;
      } else if (r.firstIn() != null) {
        c[5]++;
      }
      if (r.status() == DayStatus.LATE) {
        c[1]++;
      }
      if (r.status() == DayStatus.ABSENT) {
        c[2]++;
      }
      if (r.status() == DayStatus.EXPECTED) {
        c[3]++;
      }
      if (r.status() == DayStatus.ON_LEAVE
          || r.status() == DayStatus.HOLIDAY
          || r.status() == DayStatus.DAY_OFF) {
        c[4]++;
      }
    }
    List<DepartmentToday> list = new ArrayList<>();
    counts.forEach((d, c) -> list.add(new DepartmentToday(d, c[0], c[1], c[2], c[3], c[4], c[5])));
    summary = list;
  }

  /** What the row means right now, for people rather than for payroll. */
  public String now(DailyRow r) {
    if (r.presentNow()) {
      return r.status() == DayStatus.LATE ? "in (late)" : "in";
    }
    return switch (r.status()) {
      case PRESENT, LATE -> "left";
      case INCOMPLETE -> "no check-out";
      case ABSENT -> "absent";
      case EXPECTED -> "expected";
      case ON_LEAVE -> "on leave";
      case HOLIDAY -> "holiday";
      case DAY_OFF -> "day off";
    };
  }

  public String severity(DailyRow r) {
    if (r.presentNow()) {
      return r.status() == DayStatus.LATE ? "warning" : "success";
    }
    return switch (r.status()) {
      case ABSENT, INCOMPLETE -> "danger";
      case LATE -> "warning";
      case PRESENT -> "info";
      default -> "secondary";
    };
  }

  public int getRefreshSeconds() {
    return refreshSeconds;
  }

  public List<DailyRow> getRows() {
    return rows;
  }

  public List<DepartmentToday> getSummary() {
    return summary;
  }

  public List<String> getDepartments() {
    return departments;
  }

  public List<String> getSites() {
    return sites;
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
