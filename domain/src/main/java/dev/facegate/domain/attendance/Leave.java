package dev.facegate.domain.attendance;

import static java.util.Objects.requireNonNull;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** Approved leave of an employee over whole days, first and last day included. */
@Entity
@Table(name = "employee_leave")
public class Leave {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "employee_id", nullable = false)
  private long employeeId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private LeaveKind kind;

  @Column(name = "first_day", nullable = false)
  private LocalDate firstDay;

  @Column(name = "last_day", nullable = false)
  private LocalDate lastDay;

  @Column(name = "recorded_by", nullable = false, length = 64)
  private String recordedBy;

  /** For JPA only. */
  protected Leave() {}

  public Leave(
      long employeeId, LeaveKind kind, LocalDate firstDay, LocalDate lastDay, String recordedBy) {
    this.employeeId = employeeId;
    this.kind = requireNonNull(kind, "kind is required");
    this.firstDay = requireNonNull(firstDay, "first day is required");
    this.lastDay = requireNonNull(lastDay, "last day is required");
    if (lastDay.isBefore(firstDay)) {
      throw new IllegalArgumentException("The last day of leave is before its first day.");
    }
    this.recordedBy = requireNonNull(recordedBy, "recording user is required");
  }

  public boolean covers(LocalDate date) {
    return !date.isBefore(firstDay) && !date.isAfter(lastDay);
  }

  public Long getId() {
    return id;
  }

  public long getEmployeeId() {
    return employeeId;
  }

  public LeaveKind getKind() {
    return kind;
  }

  public LocalDate getFirstDay() {
    return firstDay;
  }

  public LocalDate getLastDay() {
    return lastDay;
  }

  public String getRecordedBy() {
    return recordedBy;
  }
}
