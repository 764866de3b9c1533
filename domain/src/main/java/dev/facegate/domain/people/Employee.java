package dev.facegate.domain.people;

import static java.util.Objects.requireNonNull;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * A person on the staff. The employee number is the business key that HR systems, badges and bulk
 * imports use; it never changes once the employee exists.
 */
@Entity
@Table(name = "employee")
@NamedQuery(
    name = Employee.FIND_ALL,
    query = "SELECT e FROM Employee e ORDER BY e.department, e.fullName")
@NamedQuery(
    name = Employee.FIND_BY_NUMBER,
    query = "SELECT e FROM Employee e WHERE e.employeeNumber = :number")
public class Employee {

  public static final String FIND_ALL = "Employee.findAll";
  public static final String FIND_BY_NUMBER = "Employee.findByNumber";

  /** Letters, digits, dot, dash and underscore: safe in URLs, file names and ZIP entries. */
  public static final String NUMBER_PATTERN = "[A-Za-z0-9._-]{1,32}";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @NotBlank
  @Pattern(regexp = NUMBER_PATTERN, message = "must be 1 to 32 letters, digits, '.', '-' or '_'")
  @Column(name = "employee_number", nullable = false, unique = true, updatable = false, length = 32)
  private String employeeNumber;

  @NotBlank
  @Size(max = 200)
  @Column(name = "full_name", nullable = false, length = 200)
  private String fullName;

  @NotBlank
  @Size(max = 100)
  @Column(nullable = false, length = 100)
  private String department;

  @NotNull
  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private EmploymentStatus status;

  @NotNull
  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Version private long version;

  /** For JPA only. */
  protected Employee() {}

  public Employee(String employeeNumber, String fullName, String department, Instant createdAt) {
    this.employeeNumber = requireNonNull(employeeNumber, "employee number is required").strip();
    this.fullName = requireNonNull(fullName, "full name is required").strip();
    this.department = requireNonNull(department, "department is required").strip();
    this.createdAt = requireNonNull(createdAt, "creation time is required");
    this.status = EmploymentStatus.ACTIVE;
  }

  /** Stops check-ins and door access without erasing the person's history. */
  public void deactivate() {
    status = EmploymentStatus.INACTIVE;
  }

  public void reactivate() {
    status = EmploymentStatus.ACTIVE;
  }

  public boolean isActive() {
    return status == EmploymentStatus.ACTIVE;
  }

  public Long getId() {
    return id;
  }

  public String getEmployeeNumber() {
    return employeeNumber;
  }

  public String getFullName() {
    return fullName;
  }

  public String getDepartment() {
    return department;
  }

  public EmploymentStatus getStatus() {
    return status;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
