package dev.facegate.recognition.boundary;

import static java.util.Objects.requireNonNull;

import dev.facegate.domain.access.DoorRule.Standing;
import dev.facegate.domain.people.Employee;
import dev.facegate.domain.recognition.Decision;
import dev.facegate.domain.recognition.Outcome;
import java.util.Optional;

/**
 * Who is in a frame, as far as the gallery can tell; records nothing.
 *
 * @param decision the open-set decision (MATCH, UNKNOWN, NO_FACE, MULTIPLE_FACES)
 * @param person the matched person, when the decision is a MATCH and the person still exists
 * @param duplicateWindowSeconds the installation's duplicate window, read with the thresholds
 * @param modelVersion the embedding model the frame was searched with
 */
public record Identification(
    Decision decision, Optional<Employee> person, int duplicateWindowSeconds, String modelVersion) {

  public Identification {
    requireNonNull(decision, "decision is required");
    requireNonNull(person, "person is required");
    requireNonNull(modelVersion, "modelVersion is required");
  }

  public boolean isMatch() {
    return decision.outcome() == Outcome.MATCH;
  }

  /** The matched person's standing for {@code DoorRule}; ERASED when the match has no person. */
  public Standing standing() {
    return person
        .map(p -> p.isActive() ? Standing.ACTIVE : Standing.INACTIVE)
        .orElse(Standing.ERASED);
  }
}
