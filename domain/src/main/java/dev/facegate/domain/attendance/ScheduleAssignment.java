package dev.facegate.domain.attendance;

import static java.util.Objects.requireNonNull;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;

/**
 * A weekly pattern that applies to one employee or to a whole department from a date on (and up to
 * an optional last date). Exactly one of employee and department is set.
 */
@Entity
@Table(name = "schedule_assignment")
public class ScheduleAssignment {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "pattern_id", nullable = false)
  private WeeklyPattern pattern;

  @Column(name = "employee_id")
  private Long employeeId;

  @Column(length = 100)
  private String department;

  @Column(name = "effective_from", nullable = false)
  private LocalDate effectiveFrom;

  @Column(name = "effective_to")
  private LocalDate effectiveTo;

  /** For JPA only. */
  protected ScheduleAssignment() {}

  private ScheduleAssignment(
      WeeklyPattern pattern,
      Long employeeId,
      String department,
      LocalDate effectiveFrom,
      LocalDate effectiveTo) {
    this.pattern = requireNonNull(pattern, "pattern is required");
    this.effectiveFrom = requireNonNull(effectiveFrom, "effective date is required");
    if (effectiveTo != null && effectiveTo.isBefore(effectiveFrom)) {
      throw new IllegalArgumentException("The last day is before the first day.");
    }
    this.employeeId = employeeId;
    this.department = department;
    this.effectiveTo = effectiveTo;
  }

  public static ScheduleAssignment ofEmployee(
      WeeklyPattern pattern, long employeeId, LocalDate from, LocalDate to) {
    return new ScheduleAssignment(pattern, employeeId, null, from, to);
  }

  public static ScheduleAssignment ofDepartment(
      WeeklyPattern pattern, String department, LocalDate from, LocalDate to) {
    requireNonNull(department, "department is required");
    if (department.isBlank()) {
      throw new IllegalArgumentException("A department is required.");
    }
    return new ScheduleAssignment(pattern, null, department.strip(), from, to);
  }

  /** Whether it is in force on {@code date}. */
  public boolean covers(LocalDate date) {
    return !date.isBefore(effectiveFrom) && (effectiveTo == null || !date.isAfter(effectiveTo));
  }

  public Long getId() {
    return id;
  }

  public WeeklyPattern getPattern() {
    return pattern;
  }

  public Long getEmployeeId() {
    return employeeId;
  }

  public String getDepartment() {
    return department;
  }

  public LocalDate getEffectiveFrom() {
    return effectiveFrom;
  }

  public LocalDate getEffectiveTo() {
    return effectiveTo;
  }
}
