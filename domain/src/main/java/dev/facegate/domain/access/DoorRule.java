package dev.facegate.domain.access;

import static java.util.Objects.requireNonNull;

import dev.facegate.domain.recognition.Decision;
import dev.facegate.domain.recognition.Outcome;

/**
 * When a device's frame opens a door. Pure: everything it needs is passed in, so the rule is
 * unit-tested without a server and every device use case (door, later kiosk) applies the same one.
 *
 * <p>Invariants: only a MATCH of a person who still exists and is active opens, and only at a
 * {@link DeviceKind#DOOR}; a MATCH of an erased person is UNKNOWN (there is nobody to match); a
 * duplicate is a MATCH of someone who already matched within the duplicate window, and it still
 * opens (people walk back through doors).
 */
public final class DoorRule {

  /** The matched person's standing at decision time; ignored unless the decision is a MATCH. */
  public enum Standing {
    /** Exists and is employed: may enter. */
    ACTIVE,
    /** Exists but is deactivated: recognised, never let in. */
    INACTIVE,
    /** Erased between the index search and now: nobody to match. */
    ERASED
  }

  /**
   * The rule's answer.
   *
   * @param outcome the final outcome (a MATCH of an erased person becomes UNKNOWN)
   * @param open whether the door opens
   * @param duplicate a repeat MATCH within the duplicate window
   * @param reason the decision's sentence, extended with why a MATCH did not open
   */
  public record Verdict(Outcome outcome, boolean open, boolean duplicate, String reason) {

    public Verdict {
      requireNonNull(outcome, "outcome is required");
      requireNonNull(reason, "reason is required");
      if (open && outcome != Outcome.MATCH) {
        throw new IllegalArgumentException("only a MATCH opens");
      }
    }

    public boolean match() {
      return outcome == Outcome.MATCH;
    }
  }

  private DoorRule() {}

  /**
   * Applies the rule.
   *
   * @param kind the kind of device that sent the frame
   * @param decision the open-set decision on the frame
   * @param standing the matched person's standing (any value when the decision is not a MATCH)
   * @param matchedRecently whether that person already matched within the duplicate window
   * @return the verdict
   */
  public static Verdict decide(
      DeviceKind kind, Decision decision, Standing standing, boolean matchedRecently) {
    requireNonNull(kind, "kind is required");
    requireNonNull(decision, "decision is required");
    if (decision.outcome() != Outcome.MATCH) {
      return new Verdict(decision.outcome(), false, false, decision.reason());
    }
    requireNonNull(standing, "standing is required for a MATCH");
    return switch (standing) {
      case ERASED ->
          new Verdict(Outcome.UNKNOWN, false, false, "The matched person no longer exists.");
      case INACTIVE ->
          new Verdict(
              Outcome.MATCH,
              false,
              matchedRecently,
              decision.reason() + " The employee is inactive.");
      case ACTIVE ->
          new Verdict(Outcome.MATCH, kind == DeviceKind.DOOR, matchedRecently, decision.reason());
    };
  }
}
