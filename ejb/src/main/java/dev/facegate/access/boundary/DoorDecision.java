package dev.facegate.access.boundary;

import dev.facegate.domain.access.DoorRule;
import dev.facegate.domain.people.Employee;
import dev.facegate.domain.recognition.Decision;
import dev.facegate.domain.recognition.Outcome;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The answer to one door frame.
 *
 * @param checkInId the check-in that records it (every decision writes exactly one)
 * @param outcome MATCH, UNKNOWN, NO_FACE or MULTIPLE_FACES
 * @param open whether the door opens
 * @param duplicate a repeat of the same person within the duplicate window
 * @param employeeId the matched employee
 * @param employeeNumber the matched employee's number
 * @param employeeName the matched employee's name
 * @param score the best person's fused cosine similarity, when a face was searched
 * @param runnerUpScore the best other person's
 * @param reason why, in one sentence
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
    String reason) {

  static DoorDecision of(
      long checkInId, DoorRule.Verdict verdict, Employee matched, Decision decision) {
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
        verdict.reason());
  }
}
