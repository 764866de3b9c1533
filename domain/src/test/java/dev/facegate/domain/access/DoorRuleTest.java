package dev.facegate.domain.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facegate.domain.access.DoorRule.Standing;
import dev.facegate.domain.access.DoorRule.Verdict;
import dev.facegate.domain.recognition.Decision;
import dev.facegate.domain.recognition.Outcome;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DoorRuleTest {

  private static Decision match() {
    return new Decision(
        Outcome.MATCH,
        Optional.of(7L),
        OptionalDouble.of(0.97),
        OptionalDouble.of(0.80),
        "Best 0.970 >= 0.935.");
  }

  @Test
  void aMatchOfAnActiveEmployeeOpensADoor() {
    Verdict verdict = DoorRule.decide(DeviceKind.DOOR, match(), Standing.ACTIVE, false);

    assertThat(verdict.open()).isTrue();
    assertThat(verdict.outcome()).isEqualTo(Outcome.MATCH);
    assertThat(verdict.duplicate()).isFalse();
    assertThat(verdict.reason()).isEqualTo("Best 0.970 >= 0.935.");
  }

  @Test
  void aKioskRecordsTheMatchButOpensNothing() {
    Verdict verdict = DoorRule.decide(DeviceKind.KIOSK, match(), Standing.ACTIVE, false);

    assertThat(verdict.open()).isFalse();
    assertThat(verdict.match()).isTrue();
  }

  @Test
  void anInactiveEmployeeIsRecognisedButNotLetIn() {
    Verdict verdict = DoorRule.decide(DeviceKind.DOOR, match(), Standing.INACTIVE, false);

    assertThat(verdict.open()).isFalse();
    assertThat(verdict.outcome()).isEqualTo(Outcome.MATCH);
    assertThat(verdict.reason()).endsWith("The employee is inactive.");
  }

  @Test
  void aPersonErasedAfterTheSearchIsUnknown() {
    Verdict verdict = DoorRule.decide(DeviceKind.DOOR, match(), Standing.ERASED, true);

    assertThat(verdict.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(verdict.open()).isFalse();
    assertThat(verdict.duplicate()).isFalse();
  }

  @Test
  void aRepeatWithinTheWindowIsADuplicateThatStillOpens() {
    Verdict verdict = DoorRule.decide(DeviceKind.DOOR, match(), Standing.ACTIVE, true);

    assertThat(verdict.duplicate()).isTrue();
    assertThat(verdict.open()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(
      value = Outcome.class,
      names = {"MATCH"},
      mode = EnumSource.Mode.EXCLUDE)
  void nothingButAMatchOpensOrCountsAsDuplicate(Outcome outcome) {
    Decision decision = Decision.withoutSearch(outcome, "why");

    Verdict verdict = DoorRule.decide(DeviceKind.DOOR, decision, null, true);

    assertThat(verdict.open()).isFalse();
    assertThat(verdict.duplicate()).isFalse();
    assertThat(verdict.outcome()).isEqualTo(outcome);
    assertThat(verdict.reason()).isEqualTo("why");
  }
}
