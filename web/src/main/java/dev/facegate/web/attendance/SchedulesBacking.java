package dev.facegate.web.attendance;

import dev.facegate.attendance.boundary.Schedules;
import dev.facegate.attendance.boundary.Sites;
import dev.facegate.domain.attendance.Holiday;
import dev.facegate.domain.attendance.ScheduleAssignment;
import dev.facegate.domain.attendance.Shift;
import dev.facegate.domain.attendance.Site;
import dev.facegate.domain.attendance.WeeklyPattern;
import dev.facegate.platform.BusinessException;
import dev.facegate.web.platform.CurrentUser;
import dev.facegate.web.platform.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Schedules administration: shifts, weekly patterns, assignments, holidays and site zones. */
@Named
@ViewScoped
public class SchedulesBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Schedules schedules;

  @Inject Sites sites;

  @Inject CurrentUser currentUser;

  private List<Shift> shifts;
  private List<WeeklyPattern> patterns;
  private List<ScheduleAssignment> assignments;
  private List<Holiday> holidays;
  private List<Site> siteList;

  // shift form
  private Long shiftId;
  private String shiftName;
  private String shiftStart = "09:00";
  private String shiftEnd = "17:00";
  private int shiftBreak = 30;
  private int shiftGrace = 5;

  // pattern form
  private String patternName;
  private final Map<DayOfWeek, Long> week = new EnumMap<>(DayOfWeek.class);

  // assignment form
  private Long assignPattern;
  private String assignEmployee;
  private String assignDepartment;
  private LocalDate assignFrom;
  private LocalDate assignTo;

  // holiday form
  private LocalDate holidayDate;
  private String holidayName;
  private String holidaySite;

  // site form
  private String siteName;
  private String siteZone;

  @PostConstruct
  void init() {
    reload();
  }

  private void reload() {
    shifts = schedules.shifts();
    patterns = schedules.patterns();
    assignments = schedules.assignments();
    holidays = schedules.holidays();
    siteList = sites.list();
  }

  public void editShift(Shift s) {
    shiftId = s.getId();
    shiftName = s.getName();
    shiftStart = s.getStart().toString();
    shiftEnd = s.getEnd().toString();
    shiftBreak = s.getBreakMinutes();
    shiftGrace = s.getGraceMinutes();
  }

  public void saveShift() {
    if (!currentUser.mayWrite("change schedules")) {
      return;
    }
    LocalTime start;
    LocalTime end;
    try {
      start = LocalTime.parse(shiftStart == null ? "" : shiftStart.strip());
      end = LocalTime.parse(shiftEnd == null ? "" : shiftEnd.strip());
    } catch (DateTimeParseException e) {
      Messages.error("Start and end must look like 09:00 or 22:30.");
      return;
    }
    try {
      Shift saved = schedules.saveShift(shiftId, shiftName, start, end, shiftBreak, shiftGrace);
      Messages.info("Shift " + saved.getName() + " saved.");
      shiftId = null;
      shiftName = null;
      reload();
    } catch (BusinessException e) {
      Messages.error(e);
    }
  }

  public void savePattern() {
    if (!currentUser.mayWrite("change schedules")) {
      return;
    }
    try {
      WeeklyPattern saved = schedules.savePattern(null, patternName, week);
      Messages.info("Weekly pattern " + saved.getName() + " saved.");
      patternName = null;
      week.clear();
      reload();
    } catch (BusinessException e) {
      Messages.error(e);
    }
  }

  public void assign() {
    if (!currentUser.mayWrite("change schedules")) {
      return;
    }
    if (assignPattern == null) {
      Messages.error("Choose a weekly pattern.");
      return;
    }
    try {
      schedules.assign(assignPattern, assignEmployee, assignDepartment, assignFrom, assignTo);
      Messages.info("Pattern assigned.");
      assignEmployee = null;
      assignDepartment = null;
      reload();
    } catch (BusinessException e) {
      Messages.error(e);
    }
  }

  public void removeAssignment(ScheduleAssignment a) {
    if (!currentUser.mayWrite("change schedules")) {
      return;
    }
    try {
      schedules.removeAssignment(a.getId());
      reload();
    } catch (BusinessException e) {
      Messages.error(e);
    }
  }

  public void addHoliday() {
    if (!currentUser.mayWrite("change holidays")) {
      return;
    }
    try {
      schedules.addHoliday(holidayDate, holidayName, holidaySite);
      Messages.info("Holiday added.");
      holidayDate = null;
      holidayName = null;
      holidaySite = null;
      reload();
    } catch (BusinessException e) {
      Messages.error(e);
    }
  }

  public void removeHoliday(Holiday h) {
    if (!currentUser.mayWrite("change holidays")) {
      return;
    }
    try {
      schedules.removeHoliday(h.getId());
      reload();
    } catch (BusinessException e) {
      Messages.error(e);
    }
  }

  public void saveSite() {
    if (!currentUser.mayWrite("change site time zones")) {
      return;
    }
    try {
      Site saved = sites.setZone(siteName, siteZone);
      Messages.info("Site " + saved.getName() + " uses " + saved.getZone().getId() + ".");
      siteName = null;
      siteZone = null;
      reload();
    } catch (BusinessException e) {
      Messages.error(e);
    }
  }

  /** "Mon Day, Tue Day, ..." */
  public String describe(WeeklyPattern p) {
    StringBuilder text = new StringBuilder();
    for (DayOfWeek d : DayOfWeek.values()) {
      p.shiftOn(d)
          .ifPresent(
              s -> {
                if (!text.isEmpty()) {
                  text.append(", ");
                }
                text.append(d.name().charAt(0)).append(d.name().substring(1, 3).toLowerCase());
                text.append(' ').append(s.getName());
              });
    }
    return text.isEmpty() ? "every day off" : text.toString();
  }

  public String target(ScheduleAssignment a) {
    return a.getDepartment() != null
        ? "department " + a.getDepartment()
        : "employee #" + a.getEmployeeId();
  }

  public DayOfWeek[] getWeekdays() {
    return DayOfWeek.values();
  }

  public Map<DayOfWeek, Long> getWeek() {
    return week;
  }

  public List<Shift> getShifts() {
    return shifts;
  }

  public List<WeeklyPattern> getPatterns() {
    return patterns;
  }

  public List<ScheduleAssignment> getAssignments() {
    return assignments;
  }

  public List<Holiday> getHolidays() {
    return holidays;
  }

  public List<Site> getSiteList() {
    return siteList;
  }

  public Long getShiftId() {
    return shiftId;
  }

  public String getShiftName() {
    return shiftName;
  }

  public void setShiftName(String shiftName) {
    this.shiftName = shiftName;
  }

  public String getShiftStart() {
    return shiftStart;
  }

  public void setShiftStart(String shiftStart) {
    this.shiftStart = shiftStart;
  }

  public String getShiftEnd() {
    return shiftEnd;
  }

  public void setShiftEnd(String shiftEnd) {
    this.shiftEnd = shiftEnd;
  }

  public int getShiftBreak() {
    return shiftBreak;
  }

  public void setShiftBreak(int shiftBreak) {
    this.shiftBreak = shiftBreak;
  }

  public int getShiftGrace() {
    return shiftGrace;
  }

  public void setShiftGrace(int shiftGrace) {
    this.shiftGrace = shiftGrace;
  }

  public String getPatternName() {
    return patternName;
  }

  public void setPatternName(String patternName) {
    this.patternName = patternName;
  }

  public Long getAssignPattern() {
    return assignPattern;
  }

  public void setAssignPattern(Long assignPattern) {
    this.assignPattern = assignPattern;
  }

  public String getAssignEmployee() {
    return assignEmployee;
  }

  public void setAssignEmployee(String assignEmployee) {
    this.assignEmployee = assignEmployee;
  }

  public String getAssignDepartment() {
    return assignDepartment;
  }

  public void setAssignDepartment(String assignDepartment) {
    this.assignDepartment = assignDepartment;
  }

  public LocalDate getAssignFrom() {
    return assignFrom;
  }

  public void setAssignFrom(LocalDate assignFrom) {
    this.assignFrom = assignFrom;
  }

  public LocalDate getAssignTo() {
    return assignTo;
  }

  public void setAssignTo(LocalDate assignTo) {
    this.assignTo = assignTo;
  }

  public LocalDate getHolidayDate() {
    return holidayDate;
  }

  public void setHolidayDate(LocalDate holidayDate) {
    this.holidayDate = holidayDate;
  }

  public String getHolidayName() {
    return holidayName;
  }

  public void setHolidayName(String holidayName) {
    this.holidayName = holidayName;
  }

  public String getHolidaySite() {
    return holidaySite;
  }

  public void setHolidaySite(String holidaySite) {
    this.holidaySite = holidaySite;
  }

  public String getSiteName() {
    return siteName;
  }

  public void setSiteName(String siteName) {
    this.siteName = siteName;
  }

  public String getSiteZone() {
    return siteZone;
  }

  public void setSiteZone(String siteZone) {
    this.siteZone = siteZone;
  }
}
