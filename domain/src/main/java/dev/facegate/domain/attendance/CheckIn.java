package dev.facegate.domain.attendance;

import static java.util.Objects.requireNonNull;

import dev.facegate.domain.recognition.Outcome;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One recognition at a kiosk or door, whatever its outcome. Written once, never updated: the
 * attendance record and the door audit trail rest on it.
 *
 * <p>The employee is referenced by id only; erasing an employee sets it to null in the database
 * (the attendance fact remains, the person does not).
 */
@Entity
@Table(name = "check_in")
public class CheckIn {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private Instant occurredAt;

  @Column(name = "device_id", nullable = false, updatable = false)
  private long deviceId;

  @Column(name = "employee_id", updatable = false)
  private Long employeeId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 16)
  private Outcome outcome;

  /** For doors: whether the door was told to open. Kiosks never open anything. */
  @Column(name = "door_opened", nullable = false, updatable = false)
  private boolean doorOpened;

  /** A repeat of the same person within the duplicate window: recorded, not counted twice. */
  @Column(nullable = false, updatable = false)
  private boolean duplicate;

  @Column(name = "best_score", updatable = false)
  private Double bestScore;

  @Column(name = "runner_up_score", updatable = false)
  private Double runnerUpScore;

  @Column(nullable = false, updatable = false, length = 500)
  private String reason;

  @Column(name = "model_version", nullable = false, updatable = false, length = 64)
  private String modelVersion;

  /** How the person was identified: by face at a kiosk, by badge or PIN, or by a door. */
  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 8)
  private Method method;

  /**
   * IN or OUT at a kiosk: always set when a kiosk names its employee, set on other kiosk attempts
   * when the person had chosen one; null for doors, which record passages, not directions.
   */
  @Enumerated(EnumType.STRING)
  @Column(updatable = false, length = 3)
  private Direction direction;

  /**
   * Whether the face was checked for liveness; null on check-ins recorded before the check existed
   * (schema version 6).
   */
  @Enumerated(EnumType.STRING)
  @Column(updatable = false, length = 12)
  private LivenessCheck liveness;

  /** For JPA only. */
  protected CheckIn() {}

  /** A check-in whose face was not checked for liveness ({@link LivenessCheck#NOT_CHECKED}). */
  public CheckIn(
      Instant occurredAt,
      long deviceId,
      Long employeeId,
      Outcome outcome,
      boolean doorOpened,
      boolean duplicate,
      Double bestScore,
      Double runnerUpScore,
      String reason,
      String modelVersion,
      Method method,
      Direction direction) {
    this(
        occurredAt,
        deviceId,
        employeeId,
        outcome,
        doorOpened,
        duplicate,
        bestScore,
        runnerUpScore,
        reason,
        modelVersion,
        method,
        direction,
        LivenessCheck.NOT_CHECKED);
  }

  /**
   * A check-in with the result of its liveness check. A {@link Outcome#LIVENESS_FAILED} check-in is
   * exactly one whose check {@link LivenessCheck#FAILED}: it names nobody and opens nothing.
   */
  public CheckIn(
      Instant occurredAt,
      long deviceId,
      Long employeeId,
      Outcome outcome,
      boolean doorOpened,
      boolean duplicate,
      Double bestScore,
      Double runnerUpScore,
      String reason,
      String modelVersion,
      Method method,
      Direction direction,
      LivenessCheck liveness) {
    this.occurredAt = requireNonNull(occurredAt, "time is required");
    this.deviceId = deviceId;
    this.outcome = requireNonNull(outcome, "outcome is required");
    if ((outcome == Outcome.MATCH) != (employeeId != null)) {
      throw new IllegalArgumentException(
          "an employee is recorded exactly when the outcome is MATCH");
    }
    if (doorOpened && outcome != Outcome.MATCH) {
      throw new IllegalArgumentException("a door only opens on a MATCH");
    }
    this.employeeId = employeeId;
    this.doorOpened = doorOpened;
    this.duplicate = duplicate;
    this.bestScore = bestScore;
    this.runnerUpScore = runnerUpScore;
    String text = requireNonNull(reason, "reason is required");
    this.reason = text.length() > 500 ? text.substring(0, 500) : text;
    this.modelVersion = requireNonNull(modelVersion, "model version is required");
    this.method = requireNonNull(method, "method is required");
    if (doorOpened && method != Method.DOOR) {
      throw new IllegalArgumentException("only a door opens a door");
    }
    if (method == Method.BADGE && outcome != Outcome.MATCH) {
      throw new IllegalArgumentException("a badge check-in names its employee (outcome MATCH)");
    }
    if (method != Method.DOOR && outcome == Outcome.MATCH && direction == null) {
      throw new IllegalArgumentException("a kiosk check-in of an employee records its direction");
    }
    this.direction = direction;
    this.liveness = requireNonNull(liveness, "liveness is required");
    if ((outcome == Outcome.LIVENESS_FAILED) != (liveness == LivenessCheck.FAILED)) {
      throw new IllegalArgumentException(
          "the outcome is LIVENESS_FAILED exactly when the liveness check failed");
    }
  }

  public Long getId() {
    return id;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  public long getDeviceId() {
    return deviceId;
  }

  public Long getEmployeeId() {
    return employeeId;
  }

  public Outcome getOutcome() {
    return outcome;
  }

  public boolean isDoorOpened() {
    return doorOpened;
  }

  public boolean isDuplicate() {
    return duplicate;
  }

  public Double getBestScore() {
    return bestScore;
  }

  public Double getRunnerUpScore() {
    return runnerUpScore;
  }

  public String getReason() {
    return reason;
  }

  public String getModelVersion() {
    return modelVersion;
  }

  public Method getMethod() {
    return method;
  }

  /** IN or OUT for kiosk check-ins; null for door passages. */
  public Direction getDirection() {
    return direction;
  }

  /** Whether the face was checked for liveness; null for check-ins older than the check. */
  public LivenessCheck getLiveness() {
    return liveness;
  }
}
