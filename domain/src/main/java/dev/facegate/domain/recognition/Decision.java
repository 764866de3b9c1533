package dev.facegate.domain.recognition;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The result of an open-set decision, with the figures that explain it.
 *
 * @param outcome MATCH or UNKNOWN (NO_FACE and MULTIPLE_FACES are decided before any search)
 * @param personId the matched person, present only for MATCH
 * @param bestScore the fused score of the best person, if any template was found
 * @param runnerUpScore the fused score of the best other person, if any
 * @param reason a sentence for logs and the check-in record
 */
public record Decision(
    Outcome outcome,
    Optional<Long> personId,
    OptionalDouble bestScore,
    OptionalDouble runnerUpScore,
    String reason) {

  public static Decision withoutSearch(Outcome outcome, String reason) {
    return new Decision(
        outcome, Optional.empty(), OptionalDouble.empty(), OptionalDouble.empty(), reason);
  }
}
