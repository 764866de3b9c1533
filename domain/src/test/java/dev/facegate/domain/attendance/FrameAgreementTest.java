package dev.facegate.domain.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.facegate.domain.attendance.AttemptResult.Ending;
import dev.facegate.domain.attendance.FrameAgreement.Settings;
import dev.facegate.domain.recognition.Decision;
import dev.facegate.domain.recognition.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FrameAgreementTest {

  private static final Instant T0 = Instant.parse("2026-11-30T07:57:00Z");
  private static final long ADA = 7;
  private static final long BOB = 9;

  private static Instant t(long millis) {
    return T0.plusMillis(millis);
  }

  private static Decision match(long person, double best, double runnerUp) {
    return new Decision(
        Outcome.MATCH,
        Optional.of(person),
        OptionalDouble.of(best),
        OptionalDouble.of(runnerUp),
        "match");
  }

  private static Decision match(long person) {
    return match(person, 0.97, 0.80);
  }

  private static Decision unknown(double best) {
    return new Decision(
        Outcome.UNKNOWN, Optional.empty(), OptionalDouble.of(best), OptionalDouble.empty(), "low");
  }

  private static Decision noFace() {
    return Decision.withoutSearch(Outcome.NO_FACE, "no face");
  }

  private static Decision multipleFaces() {
    return Decision.withoutSearch(Outcome.MULTIPLE_FACES, "two faces");
  }

  /** Feeds the decisions 250 ms apart from T0. */
  private static FrameAgreement feed(FrameAgreement attempt, Decision... frames) {
    for (int i = 0; i < frames.length; i++) {
      attempt = attempt.withFrame(t(250L * i), frames[i]);
    }
    return attempt;
  }

  private static FrameAgreement defaults() {
    return FrameAgreement.start(Settings.DEFAULT);
  }

  @Test
  void theDefaultIsThreeOfFiveWithinFourSeconds() {
    assertThat(Settings.DEFAULT).isEqualTo(new Settings(3, 5, Duration.ofSeconds(4)));
  }

  @Test
  void aNewAttemptIsPendingWithoutAClock() {
    FrameAgreement attempt = defaults();

    assertThat(attempt.isPending()).isTrue();
    assertThat(attempt.outcome()).isEmpty();
    assertThat(attempt.deadline()).isEmpty();
  }

  @Test
  void agreementIsReachedOnTheKthMatchingFrame() {
    FrameAgreement twoFrames = feed(defaults(), match(ADA), match(ADA));
    assertThat(twoFrames.isPending()).isTrue();

    FrameAgreement threeFrames = twoFrames.withFrame(t(500), match(ADA));

    AttemptResult result = threeFrames.outcome().orElseThrow();
    assertThat(result.ending()).isEqualTo(Ending.AGREED);
    assertThat(result.outcome()).isEqualTo(Outcome.MATCH);
    assertThat(result.personId()).contains(ADA);
    assertThat(result.decidedAt()).isEqualTo(t(500));
    assertThat(result.reason()).startsWith("3 of the last 3 frames matched the same person");
  }

  @Test
  void nonAgreeingFramesInTheWindowAreTolerated() {
    FrameAgreement attempt =
        feed(defaults(), match(ADA), unknown(0.6), match(ADA), multipleFaces(), match(ADA));

    assertThat(attempt.outcome().orElseThrow().personId()).contains(ADA);
    assertThat(attempt.outcome().orElseThrow().reason()).startsWith("3 of the last 5 frames");
  }

  @Test
  void twoPeopleAlternatingEndUnknownAtOnce() {
    FrameAgreement attempt = feed(defaults(), match(ADA), match(BOB));

    AttemptResult result = attempt.outcome().orElseThrow();
    assertThat(result.ending()).isEqualTo(Ending.DISAGREED);
    assertThat(result.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(result.personId()).isEmpty();
    assertThat(result.decidedAt()).isEqualTo(t(250));
    assertThat(result.reason()).contains("7, 9");
  }

  @Test
  void alternationNeverLetsTheMoreFrequentPersonWin() {
    // counted alone, A B A B A would give Ada 3 of 5
    FrameAgreement attempt =
        feed(defaults(), match(ADA), unknown(0.5), unknown(0.5), match(BOB), match(ADA));

    assertThat(attempt.outcome().orElseThrow().ending()).isEqualTo(Ending.DISAGREED);
  }

  @Test
  void theWindowSlidesSoOldFramesDropOut() {
    // Ada's first MATCH leaves the window of 5 when the sixth decided frame arrives
    FrameAgreement attempt =
        feed(
            defaults(),
            match(ADA),
            unknown(0.6),
            unknown(0.6),
            unknown(0.6),
            match(ADA),
            match(ADA));
    assertThat(attempt.isPending()).as("Ada has 2 of the last 5").isTrue();

    FrameAgreement next = attempt.withFrame(t(1500), match(ADA));

    assertThat(next.outcome().orElseThrow().personId()).contains(ADA);
  }

  @Test
  void aPersonWhoLeftTheWindowNoLongerDisagrees() {
    FrameAgreement attempt =
        feed(
            defaults(),
            match(BOB),
            unknown(0.6),
            unknown(0.6),
            unknown(0.6),
            unknown(0.6),
            match(ADA),
            match(ADA),
            match(ADA));

    assertThat(attempt.outcome().orElseThrow().personId()).contains(ADA);
  }

  @Test
  void theDeadlineEndsTheAttemptUnknown() {
    FrameAgreement twoMatches =
        defaults().withFrame(t(0), match(ADA)).withFrame(t(1000), match(ADA));
    assertThat(twoMatches.deadline()).contains(t(4000));

    FrameAgreement late = twoMatches.withFrame(t(4000), match(ADA));

    AttemptResult result = late.outcome().orElseThrow();
    assertThat(result.ending()).isEqualTo(Ending.TIMED_OUT);
    assertThat(result.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(result.personId()).isEmpty();
    assertThat(result.decidedAt()).isEqualTo(t(4000));
    assertThat(result.reason()).isEqualTo("No person matched 3 of the last 5 frames within 4.0 s.");
  }

  @Test
  void aFrameJustBeforeTheDeadlineStillCounts() {
    FrameAgreement attempt =
        defaults()
            .withFrame(t(0), match(ADA))
            .withFrame(t(1000), match(ADA))
            .withFrame(t(3999), match(ADA));

    assertThat(attempt.outcome().orElseThrow().ending()).isEqualTo(Ending.AGREED);
  }

  @Test
  void anAttemptWithoutFramesExpiresWhenAsked() {
    FrameAgreement attempt = defaults().withFrame(t(0), unknown(0.6));

    assertThat(attempt.expireIfDue(t(3999)).isPending()).isTrue();
    FrameAgreement expired = attempt.expireIfDue(t(9000));
    assertThat(expired.outcome().orElseThrow().ending()).isEqualTo(Ending.TIMED_OUT);
    assertThat(expired.outcome().orElseThrow().decidedAt()).isEqualTo(t(4000));
    assertThat(defaults().expireIfDue(t(60_000)).isPending()).as("no face yet, no clock").isTrue();
  }

  @Test
  void framesWithoutAFaceNeitherCountNorStartTheClock() {
    FrameAgreement idle = defaults();
    for (int i = 0; i < 40; i++) {
      idle = idle.withFrame(t(250L * i), noFace());
    }
    assertThat(idle.isPending()).isTrue();
    assertThat(idle.deadline()).isEmpty();

    FrameAgreement attempt =
        idle.withFrame(t(10_000), match(ADA))
            .withFrame(t(10_250), noFace())
            .withFrame(t(10_500), match(ADA))
            .withFrame(t(10_750), noFace())
            .withFrame(t(11_000), noFace())
            .withFrame(t(11_250), match(ADA));

    assertThat(attempt.deadline()).contains(t(14_000));
    assertThat(attempt.outcome().orElseThrow().personId()).contains(ADA);
  }

  @Test
  void aFrameWithoutAFaceAfterTheDeadlineStillEndsTheAttempt() {
    FrameAgreement attempt = defaults().withFrame(t(0), match(ADA)).withFrame(t(5000), noFace());

    assertThat(attempt.outcome().orElseThrow().ending()).isEqualTo(Ending.TIMED_OUT);
  }

  @Test
  void multipleFacesStartTheClockAndFillTheWindow() {
    FrameAgreement attempt =
        FrameAgreement.start(new Settings(2, 2, Duration.ofSeconds(4)))
            .withFrame(t(0), match(ADA))
            .withFrame(t(250), multipleFaces())
            .withFrame(t(500), match(ADA));
    assertThat(attempt.isPending()).as("the window of 2 holds one face of many").isTrue();
    assertThat(attempt.deadline()).contains(t(4000));

    assertThat(attempt.withFrame(t(750), match(ADA)).outcome().orElseThrow().personId())
        .contains(ADA);
  }

  @Test
  void oneOfOneBehavesLikeASingleFrame() {
    FrameAgreement single = FrameAgreement.start(new Settings(1, 1, Duration.ofSeconds(4)));

    AttemptResult result = single.withFrame(t(0), match(ADA, 0.96, 0.71)).outcome().orElseThrow();

    assertThat(result.personId()).contains(ADA);
    assertThat(result.bestScore()).hasValue(0.96);
    assertThat(result.runnerUpScore()).hasValue(0.71);
    assertThat(result.decidedAt()).isEqualTo(t(0));
    FrameAgreement afterUnknown = single.withFrame(t(0), unknown(0.6));
    assertThat(afterUnknown.isPending()).as("an UNKNOWN frame waits for the next").isTrue();
    assertThat(afterUnknown.withFrame(t(250), match(BOB)).outcome().orElseThrow().personId())
        .as("the UNKNOWN frame has left the window of one")
        .contains(BOB);
  }

  @Test
  void anAgreementCarriesTheMedianAgreeingFrame() {
    FrameAgreement attempt =
        feed(defaults(), match(ADA, 0.95, 0.50), match(ADA, 0.99, 0.60), match(ADA, 0.97, 0.70));

    AttemptResult result = attempt.outcome().orElseThrow();
    assertThat(result.bestScore()).hasValue(0.97);
    assertThat(result.runnerUpScore()).as("from the same frame").hasValue(0.70);
  }

  @Test
  void anEvenAgreementCarriesTheLowerMedianAndEqualScoresTheEarlierFrame() {
    FrameAgreement twoOfThree = FrameAgreement.start(new Settings(2, 3, Duration.ofSeconds(4)));

    AttemptResult lower =
        feed(twoOfThree, match(ADA, 0.99, 0.60), match(ADA, 0.95, 0.50)).outcome().orElseThrow();
    AttemptResult tie =
        feed(twoOfThree, match(ADA, 0.97, 0.40), match(ADA, 0.97, 0.80)).outcome().orElseThrow();

    assertThat(lower.bestScore()).hasValue(0.95);
    assertThat(tie.runnerUpScore()).hasValue(0.40);
  }

  @Test
  void anUnknownCarriesTheNearestMiss() {
    FrameAgreement attempt =
        defaults()
            .withFrame(t(0), unknown(0.60))
            .withFrame(t(250), match(ADA, 0.94, 0.85))
            .withFrame(t(500), multipleFaces())
            .withFrame(t(750), unknown(0.70))
            .expireIfDue(t(4000));

    AttemptResult result = attempt.outcome().orElseThrow();
    assertThat(result.bestScore()).hasValue(0.94);
    assertThat(result.runnerUpScore()).hasValue(0.85);
  }

  @Test
  void anUnknownWithoutScoresCarriesNone() {
    AttemptResult result =
        defaults().withFrame(t(0), multipleFaces()).expireIfDue(t(4000)).outcome().orElseThrow();

    assertThat(result.bestScore()).isEmpty();
    assertThat(result.runnerUpScore()).isEmpty();
  }

  @Test
  void theResultNeverChangesOnceEnded() {
    FrameAgreement ended = feed(defaults(), match(ADA), match(ADA), match(ADA));
    AttemptResult result = ended.outcome().orElseThrow();

    FrameAgreement later =
        ended
            .withFrame(t(600), match(BOB))
            .withFrame(t(700), match(BOB))
            .withFrame(t(800), match(BOB))
            .expireIfDue(t(60_000));

    assertThat(later.outcome()).containsSame(result);
  }

  @Test
  void eachStepLeavesThePreviousStateAlone() {
    FrameAgreement two = feed(defaults(), match(ADA), match(ADA));

    two.withFrame(t(500), match(ADA));

    assertThat(two.isPending()).isTrue();
    assertThat(two.withFrame(t(500), match(BOB)).outcome().orElseThrow().ending())
        .isEqualTo(Ending.DISAGREED);
  }

  @ParameterizedTest
  @CsvSource({"0, 5", "-1, 5", "4, 3", "3, 21", "21, 21"})
  void invalidCountsAreRefused(int required, int window) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Settings(required, window, Duration.ofSeconds(4)));
  }

  @Test
  void theLargestValidCountsAreAccepted() {
    assertThat(new Settings(20, 20, Duration.ofSeconds(60)).window()).isEqualTo(20);
  }

  @ParameterizedTest
  @ValueSource(longs = {0, -1, 60_001})
  void invalidTimeoutsAreRefused(long millis) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Settings(3, 5, Duration.ofMillis(millis)));
  }

  @Test
  void missingArgumentsAreRefused() {
    assertThatNullPointerException().isThrownBy(() -> new Settings(3, 5, null));
    assertThatNullPointerException().isThrownBy(() -> FrameAgreement.start(null));
    assertThatNullPointerException().isThrownBy(() -> defaults().withFrame(null, match(ADA)));
    assertThatNullPointerException().isThrownBy(() -> defaults().withFrame(T0, null));
  }

  @Test
  void framesMustComeInTimeOrder() {
    FrameAgreement attempt = defaults().withFrame(t(500), noFace());

    assertThatIllegalArgumentException().isThrownBy(() -> attempt.withFrame(t(499), match(ADA)));
    assertThat(attempt.withFrame(t(500), match(ADA)).isPending())
        .as("equal times are fine")
        .isTrue();
  }

  @Test
  void aMatchMustNameItsPersonAndScore() {
    Decision nobody =
        new Decision(
            Outcome.MATCH, Optional.empty(), OptionalDouble.of(0.97), OptionalDouble.empty(), "?");
    Decision unscored =
        new Decision(
            Outcome.MATCH, Optional.of(ADA), OptionalDouble.empty(), OptionalDouble.empty(), "?");

    assertThatIllegalArgumentException().isThrownBy(() -> defaults().withFrame(T0, nobody));
    assertThatIllegalArgumentException().isThrownBy(() -> defaults().withFrame(T0, unscored));
  }

  @Test
  void aResultNamesAPersonExactlyWhenTheFramesAgreed() {
    OptionalDouble none = OptionalDouble.empty();

    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> new AttemptResult(Ending.AGREED, Optional.empty(), none, none, T0, "why"));
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> new AttemptResult(Ending.TIMED_OUT, Optional.of(ADA), none, none, T0, "why"));
  }
}
