package dev.facegate.domain.attendance;

import dev.facegate.domain.recognition.Outcome;
import java.time.Instant;

/**
 * Test data: a check-in that is valid unless a test says otherwise. Starts as an UNKNOWN at device
 * 1; {@link #matching} turns it into a MATCH of an employee.
 */
public final class CheckInBuilder {

  private Instant occurredAt = Instant.parse("2026-11-30T08:57:00Z");
  private long deviceId = 1;
  private Long employeeId;
  private Outcome outcome = Outcome.UNKNOWN;
  private boolean doorOpened;
  private boolean duplicate;
  private Double bestScore = 0.5;
  private Double runnerUpScore;
  private String reason = "test";
  private String modelVersion = "1";
  private Method method = Method.DOOR;
  private Direction direction;
  private LivenessCheck liveness = LivenessCheck.NOT_CHECKED;

  private CheckInBuilder() {}

  public static CheckInBuilder aCheckIn() {
    return new CheckInBuilder();
  }

  /** A MATCH of the employee, with a score above any threshold. */
  public CheckInBuilder matching(Long employee) {
    this.outcome = Outcome.MATCH;
    this.employeeId = employee;
    this.bestScore = 0.97;
    return this;
  }

  public CheckInBuilder withOutcome(Outcome outcome) {
    this.outcome = outcome;
    return this;
  }

  public CheckInBuilder withEmployee(Long employee) {
    this.employeeId = employee;
    return this;
  }

  public CheckInBuilder openingTheDoor() {
    this.doorOpened = true;
    return this;
  }

  /** A kiosk check-in by face in the given direction. */
  public CheckInBuilder atKiosk(Direction direction) {
    return by(Method.FACE, direction);
  }

  public CheckInBuilder by(Method method, Direction direction) {
    this.method = method;
    this.direction = direction;
    return this;
  }

  public CheckInBuilder withScores(Double best, Double runnerUp) {
    this.bestScore = best;
    this.runnerUpScore = runnerUp;
    return this;
  }

  /** The result of the liveness check (NOT_CHECKED unless set). */
  public CheckInBuilder withLiveness(LivenessCheck liveness) {
    this.liveness = liveness;
    return this;
  }

  public CheckInBuilder at(Instant when) {
    this.occurredAt = when;
    return this;
  }

  public CheckIn build() {
    return new CheckIn(
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
        liveness);
  }
}
