package dev.facegate.attendance.boundary;

import dev.facegate.domain.attendance.Holiday;
import dev.facegate.domain.attendance.ScheduleAssignment;
import dev.facegate.domain.attendance.Shift;
import dev.facegate.domain.attendance.WeeklyPattern;
import dev.facegate.domain.audit.AuditAction;
import dev.facegate.domain.people.Employee;
import dev.facegate.platform.InvalidInputException;
import dev.facegate.platform.NotFoundException;
import dev.facegate.platform.Roles;
import dev.facegate.platform.control.AuditLog;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Work schedules: shifts, weekly patterns, their assignment to employees or departments with
 * effective dates, and public holidays. Administrators change them (audited); HR reads them.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class Schedules {

  @PersistenceContext(unitName = "facegate")
  EntityManager em;

  @Inject AuditLog audit;

  @RolesAllowed({Roles.ADMIN, Roles.HR})
  public List<Shift> shifts() {
    return em.createQuery("SELECT s FROM Shift s ORDER BY s.name", Shift.class).getResultList();
  }

  /**
   * Creates a shift (id null) or changes one.
   *
   * @throws InvalidInputException for a broken rule of {@link Shift} or a name in use
   */
  public Shift saveShift(
      Long id, String name, LocalTime start, LocalTime end, int breakMinutes, int graceMinutes) {
    if (start == null || end == null) {
      throw new InvalidInputException(List.of("A start and an end time are required."));
    }
    String key = name == null ? "" : name.strip();
    List<Shift> same =
        em.createQuery("SELECT s FROM Shift s WHERE s.name = :name", Shift.class)
            .setParameter("name", key)
            .getResultList();
    if (same.stream().anyMatch(s -> !s.getId().equals(id))) {
      throw new InvalidInputException(List.of("A shift named " + key + " exists already."));
    }
    Shift shift;
    if (id == null) {
      shift = valid(() -> new Shift(name, start, end, breakMinutes, graceMinutes));
      em.persist(shift);
    } else {
      shift = find(Shift.class, id, "shift");
      Shift target = shift;
      valid(
          () -> {
            target.change(name, start, end, breakMinutes, graceMinutes);
            return target;
          });
    }
    audit.record(
        AuditAction.SCHEDULE_CHANGED,
        "shift " + shift.getName(),
        "Shift "
            + start
            + "-"
            + end
            + ", break "
            + breakMinutes
            + " min, grace "
            + graceMinutes
            + " min.");
    return shift;
  }

  @RolesAllowed({Roles.ADMIN, Roles.HR})
  public List<WeeklyPattern> patterns() {
    return em.createQuery("SELECT p FROM WeeklyPattern p ORDER BY p.name", WeeklyPattern.class)
        .getResultList();
  }

  /**
   * Creates a weekly pattern (id null) or changes one.
   *
   * @param shiftIds the shift id of each working weekday; absent days are days off
   */
  public WeeklyPattern savePattern(Long id, String name, Map<DayOfWeek, Long> shiftIds) {
    Map<DayOfWeek, Shift> shifts = new EnumMap<>(DayOfWeek.class);
    (shiftIds == null ? Map.<DayOfWeek, Long>of() : shiftIds)
        .forEach(
            (day, shiftId) -> {
              if (shiftId != null) {
                shifts.put(day, find(Shift.class, shiftId, "shift"));
              }
            });
    String key = name == null ? "" : name.strip();
    List<WeeklyPattern> same =
        em.createQuery("SELECT p FROM WeeklyPattern p WHERE p.name = :name", WeeklyPattern.class)
            .setParameter("name", key)
            .getResultList();
    if (same.stream().anyMatch(p -> !p.getId().equals(id))) {
      throw new InvalidInputException(List.of("A pattern named " + key + " exists already."));
    }
    WeeklyPattern pattern;
    if (id == null) {
      pattern = valid(() -> new WeeklyPattern(name, shifts));
      em.persist(pattern);
    } else {
      pattern = find(WeeklyPattern.class, id, "weekly pattern");
      WeeklyPattern target = pattern;
      valid(
          () -> {
            target.rename(name);
            target.assign(shifts);
            return target;
          });
    }
    audit.record(
        AuditAction.SCHEDULE_CHANGED,
        "pattern " + pattern.getName(),
        "Week: "
            + shifts.entrySet().stream()
                .map(e -> e.getKey().name().substring(0, 3) + " " + e.getValue().getName())
                .toList()
            + ".");
    return pattern;
  }

  @RolesAllowed({Roles.ADMIN, Roles.HR})
  public List<ScheduleAssignment> assignments() {
    return em.createQuery(
            "SELECT a FROM ScheduleAssignment a JOIN FETCH a.pattern"
                + " ORDER BY a.effectiveFrom DESC, a.id DESC",
            ScheduleAssignment.class)
        .getResultList();
  }

  /**
   * Assigns a pattern from {@code from} (to {@code to}, or open-ended) to one employee, named by
   * number, or to a department: exactly one of the two.
   */
  public ScheduleAssignment assign(
      long patternId, String employeeNumber, String department, LocalDate from, LocalDate to) {
    WeeklyPattern pattern = find(WeeklyPattern.class, patternId, "weekly pattern");
    boolean toEmployee = employeeNumber != null && !employeeNumber.isBlank();
    boolean toDepartment = department != null && !department.isBlank();
    if (toEmployee == toDepartment) {
      throw new InvalidInputException(
          List.of("Assign the pattern to an employee or to a department (one of the two)."));
    }
    if (from == null) {
      throw new InvalidInputException(List.of("The first day is required."));
    }
    ScheduleAssignment assignment;
    String subject;
    if (toEmployee) {
      Employee employee = employee(employeeNumber);
      assignment = valid(() -> ScheduleAssignment.ofEmployee(pattern, employee.getId(), from, to));
      subject = "employee " + employee.getEmployeeNumber();
    } else {
      assignment = valid(() -> ScheduleAssignment.ofDepartment(pattern, department, from, to));
      subject = "department " + department.strip();
    }
    em.persist(assignment);
    audit.record(
        AuditAction.SCHEDULE_CHANGED,
        subject,
        "Pattern " + pattern.getName() + " from " + from + (to == null ? "" : " to " + to) + ".");
    return assignment;
  }

  public void removeAssignment(long id) {
    ScheduleAssignment a = find(ScheduleAssignment.class, id, "assignment");
    em.remove(a);
    audit.record(
        AuditAction.SCHEDULE_CHANGED,
        a.getDepartment() != null
            ? "department " + a.getDepartment()
            : "employee " + a.getEmployeeId(),
        "Assignment of "
            + a.getPattern().getName()
            + " from "
            + a.getEffectiveFrom()
            + " removed.");
  }

  @RolesAllowed({Roles.ADMIN, Roles.HR})
  public List<Holiday> holidays() {
    return em.createQuery("SELECT h FROM Holiday h ORDER BY h.date, h.id", Holiday.class)
        .getResultList();
  }

  /** Adds a public holiday for one site, or for all when {@code site} is blank. */
  public Holiday addHoliday(LocalDate date, String name, String site) {
    if (date == null) {
      throw new InvalidInputException(List.of("The holiday's date is required."));
    }
    Holiday holiday = valid(() -> new Holiday(date, name == null ? "" : name, site));
    em.persist(holiday);
    audit.record(
        AuditAction.HOLIDAY_CHANGED,
        holiday.getSite() == null ? "all sites" : "site " + holiday.getSite(),
        "Holiday " + date + " " + holiday.getName() + " added.");
    return holiday;
  }

  public void removeHoliday(long id) {
    Holiday h = find(Holiday.class, id, "holiday");
    em.remove(h);
    audit.record(
        AuditAction.HOLIDAY_CHANGED,
        h.getSite() == null ? "all sites" : "site " + h.getSite(),
        "Holiday " + h.getDate() + " " + h.getName() + " removed.");
  }

  private Employee employee(String number) {
    return em.createNamedQuery(Employee.FIND_BY_NUMBER, Employee.class)
        .setParameter("number", number.strip())
        .getResultStream()
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidInputException(
                    List.of("No employee has the number " + number.strip() + ".")));
  }

  private <T> T find(Class<T> type, long id, String what) {
    T found = em.find(type, id);
    if (found == null) {
      throw new NotFoundException("No " + what + " with id " + id + ".");
    }
    return found;
  }

  /** Runs an entity's constructor or change, turning its refusals into input problems. */
  static <T> T valid(Supplier<T> action) {
    try {
      return action.get();
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new InvalidInputException(List.of(String.valueOf(e.getMessage())));
    }
  }
}
