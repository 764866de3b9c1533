package dev.facegate.enrolment.control;

import dev.facegate.enrolment.boundary.Refusal;
import java.util.Optional;

/**
 * What the quality gate concluded.
 *
 * @param refusal empty when the photo passes
 * @param detail the figures behind the verdict, for people (no biometric data)
 */
public record GateVerdict(Optional<Refusal> refusal, String detail) {

  static GateVerdict pass(String detail) {
    return new GateVerdict(Optional.empty(), detail);
  }

  static GateVerdict refuse(Refusal refusal, String detail) {
    return new GateVerdict(Optional.of(refusal), detail);
  }

  public boolean passed() {
    return refusal.isEmpty();
  }
}
