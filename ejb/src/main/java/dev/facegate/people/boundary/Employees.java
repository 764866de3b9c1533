package dev.facegate.people.boundary;

import static java.util.Objects.requireNonNullElse;

import dev.facegate.domain.audit.AuditAction;
import dev.facegate.domain.people.Employee;
import dev.facegate.enrolment.boundary.Enrolment;
import dev.facegate.people.control.EmployeeRepository;
import dev.facegate.platform.InvalidInputException;
import dev.facegate.platform.NotFoundException;
import dev.facegate.platform.control.AuditLog;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The employee register: the transaction boundary for creating and reading employees. */
@Stateless
public class Employees {

  @Inject EmployeeRepository repository;

  @Inject Clock clock;

  @Inject Validator validator;

  @Inject Enrolment enrolment;

  @Inject AuditLog audit;

  /**
   * Registers a new, active employee.
   *
   * @throws DuplicateEmployeeNumberException if the number is already taken
   * @throws InvalidInputException if a field breaks the entity's rules
   */
  public Employee create(NewEmployee request) {
    // Missing fields become blanks so that Bean Validation reports them like any other bad value.
    String number = requireNonNullElse(request.employeeNumber(), "").strip();
    if (repository.findByNumber(number).isPresent()) {
      throw new DuplicateEmployeeNumberException(number);
    }
    Employee employee =
        new Employee(
            number,
            requireNonNullElse(request.fullName(), ""),
            requireNonNullElse(request.department(), ""),
            clock.instant());
    Set<ConstraintViolation<Employee>> violations = validator.validate(employee);
    if (!violations.isEmpty()) {
      throw InvalidInputException.of(violations);
    }
    return repository.add(employee);
  }

  /**
   * Erases an employee completely: templates from the index and the database (and any stored crops
   * with them), then the employee record. Check-ins keep the attendance fact without the person;
   * the audit trail keeps that the erasure happened, not the data.
   *
   * @return the number of templates deleted
   */
  public int erase(long id) {
    Employee employee = get(id);
    int templates = enrolment.removeAllTemplates(employee);
    String number = employee.getEmployeeNumber();
    repository.remove(employee);
    audit.record(
        AuditAction.EMPLOYEE_ERASED,
        number,
        "Employee erased with " + templates + " templates; check-ins kept without the person.");
    return templates;
  }

  /** All employees, by department and name. */
  public List<Employee> list() {
    return repository.findAll();
  }

  public Optional<Employee> findByNumber(String employeeNumber) {
    return repository.findByNumber(employeeNumber);
  }

  /**
   * @throws NotFoundException if there is no employee with this id
   */
  public Employee get(long id) {
    return repository
        .findById(id)
        .orElseThrow(() -> new NotFoundException("No employee with id " + id + "."));
  }
}
