package dev.facegate.attendance.boundary;

import dev.facegate.attendance.control.AttendanceComputer;
import dev.facegate.domain.attendance.Correction;
import dev.facegate.domain.attendance.Leave;
import dev.facegate.domain.attendance.LeaveKind;
import dev.facegate.domain.audit.AuditAction;
import dev.facegate.domain.people.Employee;
import dev.facegate.platform.InvalidInputException;
import dev.facegate.platform.Roles;
import dev.facegate.platform.control.AuditLog;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * HR's corrections of attendance days and records of leave. Check-ins are never changed: a
 * correction is a record of its own with its reason and author, audited; the latest one of a day
 * counts.
 */
@Stateless
@RolesAllowed({Roles.ADMIN, Roles.HR})
public class Corrections {

  @PersistenceContext(unitName = "facegate")
  EntityManager em;

  @Inject AuditLog audit;

  @Inject Clock clock;

  @Inject AttendanceComputer computer;

  /**
   * Corrects the arrival and/or departure of an employee's day. Times are local to the employee's
   * site; a departure not after the arrival is on the next day (a night shift).
   *
   * @param in the corrected arrival, or null to keep the recorded one
   * @param out the corrected departure, or null to keep the recorded one
   * @throws InvalidInputException for an unknown employee, no time, a blank reason, a future day
   */
  public Correction correct(
      String employeeNumber, LocalDate date, LocalTime in, LocalTime out, String reason) {
    Employee employee = employee(employeeNumber);
    if (date == null) {
      throw new InvalidInputException(List.of("The day to correct is required."));
    }
    if (in == null && out == null) {
      throw new InvalidInputException(List.of("Give a corrected arrival, departure or both."));
    }
    if (reason == null || reason.isBlank()) {
      throw new InvalidInputException(List.of("A reason is required."));
    }
    ZoneId zone = computer.zoneOf(employee.getSite());
    if (date.isAfter(LocalDate.now(clock.withZone(zone)))) {
      throw new InvalidInputException(List.of("A day in the future cannot be corrected."));
    }
    Instant inAt = in == null ? null : date.atTime(in).atZone(zone).toInstant();
    Instant outAt = null;
    if (out != null) {
      LocalDate outDate = in != null && !out.isAfter(in) ? date.plusDays(1) : date;
      outAt = outDate.atTime(out).atZone(zone).toInstant();
    }
    Instant inFinal = inAt;
    Instant outFinal = outAt;
    Correction correction =
        Schedules.valid(
            () ->
                new Correction(
                    employee.getId(),
                    date,
                    inFinal,
                    outFinal,
                    reason,
                    audit.actor(),
                    clock.instant()));
    em.persist(correction);
    audit.record(
        AuditAction.ATTENDANCE_CORRECTED,
        employee.getEmployeeNumber(),
        date
            + ": in "
            + (in == null ? "as recorded" : in)
            + ", out "
            + (out == null ? "as recorded" : out)
            + ". "
            + correction.getReason());
    return correction;
  }

  /** An employee's corrections between two dates, newest first. */
  public List<Correction> history(String employeeNumber, LocalDate from, LocalDate to) {
    Employee employee = employee(employeeNumber);
    return em.createQuery(
            "SELECT c FROM Correction c WHERE c.employeeId = :id"
                + " AND c.workDate BETWEEN :from AND :to ORDER BY c.createdAt DESC, c.id DESC",
            Correction.class)
        .setParameter("id", employee.getId())
        .setParameter("from", from == null ? LocalDate.of(1970, 1, 1) : from)
        .setParameter("to", to == null ? LocalDate.of(9999, 12, 31) : to)
        .getResultList();
  }

  /** Records approved leave over whole days, first and last included. */
  public Leave recordLeave(
      String employeeNumber, LeaveKind kind, LocalDate firstDay, LocalDate lastDay) {
    Employee employee = employee(employeeNumber);
    if (kind == null || firstDay == null || lastDay == null) {
      throw new InvalidInputException(List.of("Kind, first day and last day are required."));
    }
    Leave leave =
        Schedules.valid(() -> new Leave(employee.getId(), kind, firstDay, lastDay, audit.actor()));
    em.persist(leave);
    audit.record(
        AuditAction.LEAVE_RECORDED,
        employee.getEmployeeNumber(),
        kind + " from " + firstDay + " to " + lastDay + ".");
    return leave;
  }

  /** An employee's leave, latest first. */
  public List<Leave> leave(String employeeNumber) {
    Employee employee = employee(employeeNumber);
    return em.createQuery(
            "SELECT l FROM Leave l WHERE l.employeeId = :id ORDER BY l.firstDay DESC, l.id DESC",
            Leave.class)
        .setParameter("id", employee.getId())
        .getResultList();
  }

  private Employee employee(String number) {
    if (number == null || number.isBlank()) {
      throw new InvalidInputException(List.of("An employee number is required."));
    }
    return em.createNamedQuery(Employee.FIND_BY_NUMBER, Employee.class)
        .setParameter("number", number.strip())
        .getResultStream()
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidInputException(
                    List.of("No employee has the number " + number.strip() + ".")));
  }
}
