package dev.facegate.people.boundary;

import static java.util.Objects.requireNonNull;

import dev.facegate.domain.people.Employee;

/**
 * Fired (synchronously, inside the erasure's transaction) just before an employee record is
 * deleted, so that the components holding data about the person delete theirs first without the
 * people component knowing them. An observer that fails rolls the whole erasure back.
 */
public final class EmployeeErasure {

  private final Employee employee;
  private int templatesDeleted;

  EmployeeErasure(Employee employee) {
    this.employee = requireNonNull(employee, "employee is required");
  }

  public Employee employee() {
    return employee;
  }

  /** Called by the enrolment component with the number of biometric templates it deleted. */
  public void reportTemplatesDeleted(int count) {
    templatesDeleted += count;
  }

  int templatesDeleted() {
    return templatesDeleted;
  }
}
