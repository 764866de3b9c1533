package dev.facegate.access.boundary;

import dev.facegate.domain.access.DoorRule;
import dev.facegate.domain.attendance.LivenessCheck;
import dev.facegate.domain.people.Employee;
import dev.facegate.domain.recognition.Decision;
import dev.facegate.domain.recognition.Outcome;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The answer to one door frame.
 *
 * @param checkInId the check-in that records it (every decision writes exactly one)
 * @param outcome MATCH, UNKNOWN, NO_FACE, MULTIPLE_FACES or LIVENESS_FAILED
 * @param open whether the door opens
 * @param duplicate a repeat of the same person within the duplicate window
 * @param employeeId the matched employee
 * @param employeeNumber the matched employee's number
 * @param employeeName the matched employee's name
 * @param score the best person's fused cosine similarity, when a face was searched
 * @param runnerUpScore the best other person's
 * @param reason why, in one sentence
 * @param liveness whether the frames were checked for liveness, and the result
 */
public record DoorDecision(
    long checkInId,
    Outcome outcome,
    boolean open,
    boolean duplicate,
    Optional<Long> employeeId,
    Optional<String> employeeNumber,
    Optional<String> employeeName,
    OptionalDouble score,
    OptionalDouble runnerUpScore,
    String reason,
    LivenessResult liveness) {

  /**
   * The liveness side of a door decision.
   *
   * @param check NOT_CHECKED (a single frame, or nobody recognised), PASSED or FAILED
   * @param frames how many frames the request held
   * @param residual the largest landmark homography residual, when the motion check ran
   * @param reason what the check found, in one sentence
   */
  public record LivenessResult(LivenessCheck check, int frames, Double residual, String reason) {

    public boolean checked() {
      return check != LivenessCheck.NOT_CHECKED;
    }
  }

  static DoorDecision of(
      long checkInId,
      DoorRule.Verdict verdict,
      Employee matched,
      Decision decision,
      LivenessResult liveness) {
    Optional<Employee> person = Optional.ofNullable(matched);
    return new DoorDecision(
        checkInId,
        verdict.outcome(),
        verdict.open(),
        verdict.duplicate(),
        person.map(Employee::getId),
        person.map(Employee::getEmployeeNumber),
        person.map(Employee::getFullName),
        decision.bestScore(),
        decision.runnerUpScore(),
        verdict.reason(),
        liveness);
  }
}
