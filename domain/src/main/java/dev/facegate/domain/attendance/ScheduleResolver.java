package dev.facegate.domain.attendance;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which shift an employee has on a date. An assignment to the employee beats one to the department;
 * among assignments of the same kind in force that day, the one that took effect latest wins (ties:
 * the higher id, i.e. the later one entered).
 */
public final class ScheduleResolver {

  private ScheduleResolver() {}

  /**
   * @param assignments the employee's own assignments and their department's, in any order
   * @param employeeId the employee
   * @param date the local date
   * @return the shift, or empty for a day off or no schedule in force
   */
  public static Optional<Shift> shiftOn(
      List<ScheduleAssignment> assignments, long employeeId, LocalDate date) {
    Comparator<ScheduleAssignment> latest =
        Comparator.comparing(ScheduleAssignment::getEffectiveFrom)
            .thenComparing(a -> a.getId() == null ? Long.MIN_VALUE : a.getId());
    Optional<ScheduleAssignment> own =
        assignments.stream()
            .filter(a -> Objects.equals(a.getEmployeeId(), employeeId) && a.covers(date))
            .max(latest);
    Optional<ScheduleAssignment> chosen =
        own.isPresent()
            ? own
            : assignments.stream()
                .filter(a -> a.getEmployeeId() == null && a.covers(date))
                .max(latest);
    return chosen.flatMap(a -> a.getPattern().shiftOn(date.getDayOfWeek()));
  }
}
