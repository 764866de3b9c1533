package dev.facegate.domain.attendance;

import static java.util.Objects.requireNonNull;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * HR's correction of one employee's attendance day ("forgot to check out, left 17:30"). Check-ins
 * stay immutable: a correction is a record of its own, with a reason and its author. The latest
 * correction of a day is the one that counts; earlier ones stay as history.
 */
@Entity
@Table(name = "attendance_correction")
public class Correction {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "employee_id", nullable = false, updatable = false)
  private long employeeId;

  @Column(name = "work_date", nullable = false, updatable = false)
  private LocalDate workDate;

  @Column(name = "corrected_in", updatable = false)
  private Instant correctedIn;

  @Column(name = "corrected_out", updatable = false)
  private Instant correctedOut;

  @Column(nullable = false, updatable = false, length = 500)
  private String reason;

  @Column(name = "created_by", nullable = false, updatable = false, length = 64)
  private String createdBy;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  /** For JPA only. */
  protected Correction() {}

  /**
   * @throws IllegalArgumentException without arrival and departure, with a departure not after the
   *     arrival, or with a blank reason
   */
  public Correction(
      long employeeId,
      LocalDate workDate,
      Instant correctedIn,
      Instant correctedOut,
      String reason,
      String createdBy,
      Instant createdAt) {
    requireNonNull(reason, "reason is required");
    if (reason.isBlank() || reason.strip().length() > 500) {
      throw new IllegalArgumentException("A reason of 1 to 500 characters is required.");
    }
    // The value object checks the times.
    new DayCorrection(correctedIn, correctedOut, reason, requireNonNull(createdBy, "author"));
    this.employeeId = employeeId;
    this.workDate = requireNonNull(workDate, "work date is required");
    this.correctedIn = correctedIn;
    this.correctedOut = correctedOut;
    this.reason = reason.strip();
    this.createdBy = createdBy;
    this.createdAt = requireNonNull(createdAt, "creation time is required");
  }

  public DayCorrection toDayCorrection() {
    return new DayCorrection(correctedIn, correctedOut, reason, createdBy);
  }

  public Long getId() {
    return id;
  }

  public long getEmployeeId() {
    return employeeId;
  }

  public LocalDate getWorkDate() {
    return workDate;
  }

  public Instant getCorrectedIn() {
    return correctedIn;
  }

  public Instant getCorrectedOut() {
    return correctedOut;
  }

  public String getReason() {
    return reason;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
