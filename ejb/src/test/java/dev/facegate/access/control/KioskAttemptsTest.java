package dev.facegate.access.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facegate.access.control.KioskAttempts.Attempt;
import dev.facegate.domain.attendance.AttemptResult;
import dev.facegate.domain.attendance.AttemptResult.Ending;
import dev.facegate.domain.attendance.Direction;
import dev.facegate.domain.attendance.FrameAgreement;
import dev.facegate.domain.recognition.Decision;
import dev.facegate.domain.recognition.Outcome;
import dev.facegate.models.geometry.Box;
import dev.facegate.models.geometry.Point;
import dev.facegate.models.liveness.ChallengeVerifier;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class KioskAttemptsTest {

  private static final Instant T0 = Instant.parse("2026-12-01T08:57:00Z");
  private static final FrameAgreement.Settings THREE_OF_FIVE = FrameAgreement.Settings.DEFAULT;

  private final KioskAttempts attempts = new KioskAttempts();

  private static Decision match(long person) {
    return new Decision(
        Outcome.MATCH, Optional.of(person), OptionalDouble.of(0.97), OptionalDouble.of(0.6), "m");
  }

  private Attempt frame(long kiosk, int millis, Decision decision) {
    return attempts.advance(
        kiosk, THREE_OF_FIVE, T0.plusMillis(millis), decision, Optional.of(Direction.IN), "v1");
  }

  @Test
  void framesNamingTheSameAttemptAgreeAndTheEndedAttemptIsGone() {
    Attempt first = frame(1, 0, match(7));
    Attempt second = frame(1, 200, match(7));
    Attempt third = frame(1, 400, match(7));

    assertThat(second.id()).isEqualTo(first.id());
    assertThat(third.agreement().outcome())
        .get()
        .extracting(r -> r.ending())
        .isEqualTo(Ending.AGREED);
    assertThat(third.chosen()).contains(Direction.IN);
    assertThat(frame(1, 600, match(7)).id())
        .as("a frame after the end starts a new attempt")
        .isNotEqualTo(first.id());
  }

  @Test
  void aFrameAfterTheDeadlineEndsTheAttemptAsTimedOut() {
    Decision unknown =
        new Decision(
            Outcome.UNKNOWN, Optional.empty(), OptionalDouble.of(0.5), OptionalDouble.empty(), "u");
    Attempt first = frame(1, 0, unknown);
    frame(1, 1000, unknown);

    Attempt late = frame(1, 4000, unknown);

    assertThat(late.id()).isEqualTo(first.id());
    assertThat(late.agreement().outcome().orElseThrow().ending()).isEqualTo(Ending.TIMED_OUT);
    assertThat(attempts.expireDue(T0.plusSeconds(60))).as("already ended").isEmpty();
  }

  @Test
  void kiosksHaveTheirOwnAttempts() {
    Attempt a = frame(1, 0, match(7));
    Attempt b = frame(2, 0, match(8));

    assertThat(frame(1, 100, match(7)).id()).isEqualTo(a.id());
    assertThat(frame(2, 100, match(8)).id()).isEqualTo(b.id());
  }

  @Test
  void anAbandonedAttemptIsEndedOnceAtItsDeadline() {
    frame(1, 0, match(7));

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
    Attempt idle = frame(1, 0, none);

    assertThat(attempts.expireDue(T0.plusSeconds(60))).isEmpty();
    assertThat(frame(1, 61_000, none).id()).isEqualTo(idle.id());
  }

  @Test
  void aForgottenKioskHasNoAttempt() {
    Attempt a = frame(1, 0, match(7));
    attempts.forget(1);

    assertThat(attempts.expireDue(T0.plusSeconds(10))).isEmpty();
    assertThat(frame(1, 100, match(7)).id()).isNotEqualTo(a.id());
  }

  private static KioskAttempts.Challenge challenge(long kiosk) {
    AttemptResult agreed =
        new AttemptResult(
            Ending.AGREED,
            Optional.of(7L),
            OptionalDouble.of(0.97),
            OptionalDouble.of(0.6),
            T0,
            "agreed");
    return new KioskAttempts.Challenge(
        kiosk,
        java.util.UUID.randomUUID(),
        ChallengeVerifier.start(
            ChallengeVerifier.Settings.DEFAULT, ChallengeVerifier.Direction.LEFT),
        agreed,
        Optional.of(Direction.IN),
        "v1",
        Optional.empty(),
        T0.plusSeconds(14));
  }

  /** A frontal face: eyes, nose on the midline, mouth corners. */
  private static ChallengeVerifier.Frame frontal(int millis) {
    return new ChallengeVerifier.Frame(
        T0.plusMillis(millis),
        java.util.List.of(
            new Point(100, 100),
            new Point(160, 100),
            new Point(130, 133),
            new Point(106, 163),
            new Point(154, 163)),
        new Box(80, 60, 180, 190),
        1.0);
  }

  @Test
  void aChallengeIsHeldUntilItEndsAndThenGoneInTheSameStep() {
    attempts.startChallenge(challenge(1));

    Optional<KioskAttempts.Challenge> started =
        attempts.advanceChallenge(
            1, c -> c.with(c.verifier().withFrame(frontal(0)), Optional.empty()));
    assertThat(started).get().satisfies(c -> assertThat(c.verifier().isPending()).isTrue());
    assertThat(attempts.challengeOf(1)).isPresent();

    Optional<KioskAttempts.Challenge> ended =
        attempts.advanceChallenge(
            1, c -> c.with(c.verifier().expireIfDue(T0.plusSeconds(5)), Optional.empty()));
    assertThat(ended).get().satisfies(c -> assertThat(c.verifier().isPending()).isFalse());
    assertThat(attempts.challengeOf(1)).as("removed when it ended").isEmpty();
    assertThat(attempts.advanceChallenge(1, c -> c)).isEmpty();
  }

  @Test
  void challengesOfKiosksThatStoppedSendingAreExpiredOnceEach() {
    attempts.startChallenge(challenge(1));
    attempts.startChallenge(challenge(2));
    attempts.advanceChallenge(1, c -> c.with(c.verifier().withFrame(frontal(0)), Optional.empty()));

    assertThat(attempts.expireDueChallenges(T0.plusSeconds(3))).isEmpty();
    assertThat(attempts.expireDueChallenges(T0.plusSeconds(5)))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.kioskId()).isEqualTo(1);
              assertThat(c.verifier().outcome())
                  .get()
                  .extracting(r -> r.failure().orElseThrow())
                  .isEqualTo(ChallengeVerifier.Failure.TIMED_OUT);
            });
    assertThat(attempts.expireDueChallenges(T0.plusSeconds(13))).isEmpty();
    assertThat(attempts.expireDueChallenges(T0.plusSeconds(14)))
        .as("never shown a face: abandoned")
        .singleElement()
        .satisfies(c -> assertThat(c.kioskId()).isEqualTo(2));
    attempts.startChallenge(challenge(3));
    attempts.forget(3);
    assertThat(attempts.challengeOf(3)).isEmpty();
  }
}
