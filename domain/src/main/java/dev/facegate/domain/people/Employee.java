package dev.facegate.domain.people;

import static java.util.Objects.requireNonNull;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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
  /** The site of employees registered without one (single-site installations). */
  public static final String DEFAULT_SITE = "main";

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

  @NotBlank
  @Size(max = 100)
  @Column(nullable = false, length = 100)
  private String site;

  @NotNull
  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private EmploymentStatus status;

  /** Null until the employee consents; biometric enrolment requires it. */
  @Embedded private Consent consent;

  /**
   * Hash of the non-biometric way to clock in (badge number or PIN) for anyone who refuses or
   * withdraws consent; null if none was issued. Hashed like a password.
   */
  @Column(name = "fallback_credential_hash", length = 512)
  private String fallbackCredentialHash;

  @NotNull
  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Version private long version;

  /** For JPA only. */
  protected Employee() {}

  public Employee(String employeeNumber, String fullName, String department, Instant createdAt) {
    this(employeeNumber, fullName, department, DEFAULT_SITE, createdAt);
  }

  public Employee(
      String employeeNumber, String fullName, String department, String site, Instant createdAt) {
    this.employeeNumber = requireNonNull(employeeNumber, "employee number is required").strip();
    this.fullName = requireNonNull(fullName, "full name is required").strip();
    this.department = requireNonNull(department, "department is required").strip();
    this.site = requireNonNull(site, "site is required").strip();
    this.createdAt = requireNonNull(createdAt, "creation time is required");
    this.status = EmploymentStatus.ACTIVE;
  }

  /** Records the employee's consent to biometric processing (replacing an earlier one). */
  public void recordConsent(Consent consent) {
    this.consent = requireNonNull(consent, "consent is required");
  }

  /**
   * Withdraws consent. The caller must erase the employee's biometric data in the same unit of
   * work: templates may not outlive the consent they rest on.
   */
  public void withdrawConsent() {
    this.consent = null;
  }

  public boolean hasConsent() {
    return consent != null;
  }

  /** Optional: the consent, if recorded. */
  public java.util.Optional<Consent> getConsent() {
    return java.util.Optional.ofNullable(consent);
  }

  public void issueFallbackCredential(String credentialHash) {
    this.fallbackCredentialHash = requireNonNull(credentialHash, "credential hash is required");
  }

  public boolean hasFallbackCredential() {
    return fallbackCredentialHash != null;
  }

  public String getFallbackCredentialHash() {
    return fallbackCredentialHash;
  }

  public void changeDetails(String fullName, String department, String site) {
    this.fullName = requireNonNull(fullName, "full name is required").strip();
    this.department = requireNonNull(department, "department is required").strip();
    this.site = requireNonNull(site, "site is required").strip();
  }

  public String getSite() {
    return site;
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
