package dev.facegate.recognition.boundary;

import dev.facegate.domain.recognition.Outcome;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The answer to one frame.
 *
 * @param checkInId the check-in that records it (every recognition writes exactly one)
 * @param outcome MATCH, UNKNOWN, NO_FACE or MULTIPLE_FACES
 * @param open whether a door should open (a MATCH of an active employee at a door device)
 * @param duplicate a repeat of the same person within the duplicate window
 * @param employeeId the matched employee
 * @param employeeNumber the matched employee's number
 * @param employeeName the matched employee's name
 * @param score the best person's fused cosine similarity
 * @param runnerUpScore the best other person's
 * @param reason why, in one sentence
 */
public record RecognitionResult(
    long checkInId,
    Outcome outcome,
    boolean open,
    boolean duplicate,
    Optional<Long> employeeId,
    Optional<String> employeeNumber,
    Optional<String> employeeName,
    OptionalDouble score,
    OptionalDouble runnerUpScore,
    String reason) {}
