package dev.facegate.access.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facegate.access.control.KioskAttempts.Attempt;
import dev.facegate.domain.attendance.AttemptResult.Ending;
import dev.facegate.domain.attendance.Direction;
import dev.facegate.domain.attendance.FrameAgreement;
import dev.facegate.domain.recognition.Decision;
import dev.facegate.domain.recognition.Outcome;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KioskAttemptsTest {

  private static final Instant T0 = Instant.parse("2026-12-01T08:57:00Z");
  private static final FrameAgreement.Settings THREE_OF_FIVE = FrameAgreement.Settings.DEFAULT;

  private final KioskAttempts attempts = new KioskAttempts();

  private static Decision match(long person) {
    return new Decision(
        Outcome.MATCH, Optional.of(person), OptionalDouble.of(0.97), OptionalDouble.of(0.6), "m");
  }

  private Attempt frame(long kiosk, Optional<UUID> attempt, int millis, Decision decision) {
    return attempts.advance(
        kiosk,
        attempt,
        THREE_OF_FIVE,
        T0.plusMillis(millis),
        decision,
        Optional.of(Direction.IN),
        "v1");
  }

  @Test
  void framesNamingTheSameAttemptAgreeAndTheEndedAttemptIsGone() {
    Attempt first = frame(1, Optional.empty(), 0, match(7));
    Attempt second = frame(1, Optional.of(first.id()), 200, match(7));
    Attempt third = frame(1, Optional.of(first.id()), 400, match(7));

    assertThat(second.id()).isEqualTo(first.id());
    assertThat(third.agreement().outcome())
        .get()
        .extracting(r -> r.ending())
        .isEqualTo(Ending.AGREED);
    assertThat(third.chosen()).contains(Direction.IN);
    assertThat(frame(1, Optional.of(first.id()), 600, match(7)).id())
        .as("a frame after the end starts a new attempt")
        .isNotEqualTo(first.id());
  }

  @Test
  void aFrameNamingAnUnknownAttemptStartsAfreshAsAfterARestart() {
    Attempt first = frame(1, Optional.of(UUID.randomUUID()), 0, match(7));

    assertThat(first.agreement().isPending()).isTrue();
    assertThat(frame(1, Optional.of(UUID.randomUUID()), 100, match(7)).id())
        .isNotEqualTo(first.id());
  }

  @Test
  void kiosksHaveTheirOwnAttempts() {
    Attempt a = frame(1, Optional.empty(), 0, match(7));
    Attempt b = frame(2, Optional.empty(), 0, match(8));

    assertThat(frame(1, Optional.of(a.id()), 100, match(7)).id()).isEqualTo(a.id());
    assertThat(frame(2, Optional.of(b.id()), 100, match(8)).id()).isEqualTo(b.id());
  }

  @Test
  void anAbandonedAttemptIsEndedOnceAtItsDeadline() {
    frame(1, Optional.empty(), 0, match(7));

    assertThat(attempts.expireDue(T0.plusSeconds(3))).isEmpty();
    var ended = attempts.expireDue(T0.plusSeconds(5));
    assertThat(ended).hasSize(1);
    assertThat(ended.get(0).kioskId()).isEqualTo(1);
    assertThat(ended.get(0).agreement().outcome().orElseThrow().ending())
        .isEqualTo(Ending.TIMED_OUT);
    assertThat(attempts.expireDue(T0.plusSeconds(6))).as("ended exactly once").isEmpty();
  }

  @Test
  void framesWithoutAFaceNeverStartTheClock() {
    Decision none = Decision.withoutSearch(Outcome.NO_FACE, "none");
    Attempt idle = frame(1, Optional.empty(), 0, none);

    assertThat(attempts.expireDue(T0.plusSeconds(60))).isEmpty();
    assertThat(frame(1, Optional.of(idle.id()), 61_000, none).id()).isEqualTo(idle.id());
  }

  @Test
  void aForgottenKioskHasNoAttempt() {
    Attempt a = frame(1, Optional.empty(), 0, match(7));
    attempts.forget(1);

    assertThat(attempts.expireDue(T0.plusSeconds(10))).isEmpty();
    assertThat(frame(1, Optional.of(a.id()), 100, match(7)).id()).isNotEqualTo(a.id());
  }
}
