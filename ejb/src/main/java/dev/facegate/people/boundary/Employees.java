package dev.facegate.people.boundary;

import static java.util.Objects.requireNonNullElse;

import dev.facegate.domain.audit.AuditAction;
import dev.facegate.domain.people.Employee;
import dev.facegate.observability.control.Stage;
import dev.facegate.observability.control.TimedStage;
import dev.facegate.people.control.EmployeeRepository;
import dev.facegate.platform.InvalidInputException;
import dev.facegate.platform.NotFoundException;
import dev.facegate.platform.Roles;
import dev.facegate.platform.control.AuditLog;
import dev.facegate.platform.control.PasswordHasher;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The employee register: the transaction boundary for creating and reading employees. */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class Employees {

  private static final PasswordHasher HASHER = new PasswordHasher();

  /** Checked when there is nothing to check, so that a miss costs as much as a wrong PIN. */
  private static final String UNUSABLE_HASH = HASHER.hash("no credential".toCharArray());

  @Inject EmployeeRepository repository;

  @Inject Clock clock;

  @Inject Validator validator;

  @Inject Event<EmployeeErasure> erasures;

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
    EmployeeErasure erasure = new EmployeeErasure(employee);
    erasures.fire(erasure);
    int templates = erasure.templatesDeleted();
    String number = employee.getEmployeeNumber();
    repository.remove(employee);
    audit.record(
        AuditAction.EMPLOYEE_ERASED,
        number,
        "Employee erased with " + templates + " templates; check-ins kept without the person.");
    return templates;
  }

  /** Largest page {@link #find} returns. */
  public static final int MAX_PAGE_SIZE = 500;

  /** A badge number or PIN: 4 to 64 letters or digits. */
  private static final java.util.regex.Pattern FALLBACK_CREDENTIAL =
      java.util.regex.Pattern.compile("[A-Za-z0-9]{4,64}");

  /**
   * A page of the register, filtered and ordered by {@code query}.
   *
   * @throws InvalidInputException if the offset is negative or the limit out of 1 to {@value
   *     #MAX_PAGE_SIZE}
   */
  @RolesAllowed({Roles.ADMIN, Roles.HR})
  public List<Employee> find(EmployeeQuery query, int offset, int limit) {
    if (offset < 0 || limit < 1 || limit > MAX_PAGE_SIZE) {
      throw new InvalidInputException(
          List.of("offset must be >= 0 and limit between 1 and " + MAX_PAGE_SIZE + "."));
    }
    return repository.find(
        query.text().orElse(null),
        query.status().orElse(null),
        query.sortBy().attribute(),
        query.ascending(),
        offset,
        limit);
  }

  /** How many employees {@link #find} would page through. */
  @RolesAllowed({Roles.ADMIN, Roles.HR})
  public long count(EmployeeQuery query) {
    return repository.count(query.text().orElse(null), query.status().orElse(null));
  }

  /**
   * Changes name, department and site.
   *
   * @throws InvalidInputException if a field breaks the entity's rules
   */
  public Employee changeDetails(long id, EmployeeDetails details) {
    Employee employee = get(id);
    employee.changeDetails(
        requireNonNullElse(details.fullName(), ""),
        requireNonNullElse(details.department(), ""),
        requireNonNullElse(details.site(), ""));
    Set<ConstraintViolation<Employee>> violations = validator.validate(employee);
    if (!violations.isEmpty()) {
      throw InvalidInputException.of(violations);
    }
    return employee;
  }

  /** Stops check-ins and door access; history and templates stay. */
  public Employee deactivate(long id) {
    Employee employee = get(id);
    employee.deactivate();
    return employee;
  }

  public Employee reactivate(long id) {
    Employee employee = get(id);
    employee.reactivate();
    return employee;
  }

  /**
   * Issues (or replaces) the non-biometric way to clock in, a badge number or PIN, for employees
   * who do not consent to face recognition. Only a salted, iterated hash is stored.
   *
   * @throws InvalidInputException unless the credential is 4 to 64 letters or digits
   */
  public Employee issueFallbackCredential(long id, char[] badgeOrPin) {
    if (badgeOrPin == null
        || !FALLBACK_CREDENTIAL.matcher(java.nio.CharBuffer.wrap(badgeOrPin)).matches()) {
      throw new InvalidInputException(
          List.of("The badge number or PIN must be 4 to 64 letters or digits."));
    }
    Employee employee = get(id);
    employee.issueFallbackCredential(HASHER.hash(badgeOrPin));
    return employee;
  }

  /**
   * The active employee whose number and fallback credential (badge number or PIN) these are. Takes
   * about as long whether or not the number exists, so the answer time does not tell which employee
   * numbers are real.
   *
   * @return the employee, or empty for an unknown number, a wrong credential, an employee without
   *     one, or one who is not active
   */
  @RolesAllowed(Roles.DEVICE)
  public Optional<Employee> verifyFallbackCredential(String employeeNumber, char[] badgeOrPin) {
    Optional<Employee> employee =
        employeeNumber == null || employeeNumber.isBlank() || employeeNumber.length() > 32
            ? Optional.empty()
            : repository.findByNumber(employeeNumber.strip());
    String stored =
        employee
            .filter(Employee::hasFallbackCredential)
            .map(Employee::getFallbackCredentialHash)
            .orElse(UNUSABLE_HASH);
    boolean matches = badgeOrPin != null && HASHER.matches(badgeOrPin, stored);
    return employee.filter(e -> matches && e.hasFallbackCredential() && e.isActive());
  }

  /** All employees, by department and name. */
  @RolesAllowed({Roles.ADMIN, Roles.HR})
  public List<Employee> list() {
    return repository.findAll();
  }

  /** The employee with this id, or empty if there is none (for example, erased). */
  @RolesAllowed({Roles.ADMIN, Roles.HR, Roles.DEVICE})
  @TimedStage(Stage.DATABASE)
  public Optional<Employee> findById(long id) {
    return repository.findById(id);
  }

  @RolesAllowed({Roles.ADMIN, Roles.HR})
  public Optional<Employee> findByNumber(String employeeNumber) {
    return repository.findByNumber(employeeNumber);
  }

  /**
   * @throws NotFoundException if there is no employee with this id
   */
  @RolesAllowed({Roles.ADMIN, Roles.HR})
  public Employee get(long id) {
    return repository
        .findById(id)
        .orElseThrow(() -> new NotFoundException("No employee with id " + id + "."));
  }
}
