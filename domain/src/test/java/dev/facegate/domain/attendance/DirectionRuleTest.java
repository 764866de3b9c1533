package dev.facegate.domain.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.facegate.domain.attendance.DirectionRule.LastCheckIn;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DirectionRuleTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private static Optional<LastCheckIn> last(String at, Direction direction) {
    return Optional.of(new LastCheckIn(Instant.parse(at), direction));
  }

  private static Direction likelyInBerlin(String now, Optional<LastCheckIn> last) {
    return DirectionRule.likely(BERLIN, Instant.parse(now), last);
  }

  @Test
  void theFirstCheckInOfTheDayIsIn() {
    assertThat(likelyInBerlin("2026-11-30T07:57:00Z", Optional.empty())).isEqualTo(Direction.IN);
  }

  @Test
  void afterAnInTheSameDayComesAnOut() {
    assertThat(likelyInBerlin("2026-11-30T16:30:00Z", last("2026-11-30T07:57:00Z", Direction.IN)))
        .isEqualTo(Direction.OUT);
  }

  @Test
  void afterAnOutTheSameDayComesAnIn() {
    assertThat(likelyInBerlin("2026-11-30T12:45:00Z", last("2026-11-30T12:00:00Z", Direction.OUT)))
        .isEqualTo(Direction.IN);
  }

  @Test
  void anInFromBeforeLocalMidnightDoesNotCarryOver() {
    // 23:50 and 00:10 Berlin time (CET, UTC+1): ten minutes apart, two days
    assertThat(likelyInBerlin("2026-11-30T23:10:00Z", last("2026-11-30T22:50:00Z", Direction.IN)))
        .isEqualTo(Direction.IN);
  }

  @Test
  void theDayIsTheSitesLocalDateNotTheUtcDate() {
    // 00:30 and 23:30 on 1 December in Berlin, but 30 November and 1 December in UTC
    Optional<LastCheckIn> earlyIn = last("2026-11-30T23:30:00Z", Direction.IN);

    assertThat(likelyInBerlin("2026-12-01T22:30:00Z", earlyIn)).isEqualTo(Direction.OUT);
    assertThat(
            DirectionRule.likely(ZoneId.of("UTC"), Instant.parse("2026-12-01T22:30:00Z"), earlyIn))
        .isEqualTo(Direction.IN);
  }

  @Test
  void theShortSpringDayIsOneWholeDay() {
    // 29 March 2026 has 23 hours in Berlin: 00:00 CET = 28th 23:00Z, 24:00 CEST = 29th 22:00Z
    Optional<LastCheckIn> justAfterMidnight = last("2026-03-28T23:05:00Z", Direction.IN);

    assertThat(likelyInBerlin("2026-03-29T21:55:00Z", justAfterMidnight))
        .as("23:55 CEST, the same local day")
        .isEqualTo(Direction.OUT);
    assertThat(likelyInBerlin("2026-03-29T22:05:00Z", justAfterMidnight))
        .as("00:05 on 30 March, under 23 hours later")
        .isEqualTo(Direction.IN);
    assertThat(likelyInBerlin("2026-03-29T22:05:00Z", last("2026-03-28T22:55:00Z", Direction.IN)))
        .as("23:55 on 28 March is the day before")
        .isEqualTo(Direction.IN);
  }

  @Test
  void theLongAutumnDayIsOneWholeDay() {
    // 25 October 2026 has 25 hours in Berlin: 00:00 CEST = 24th 22:00Z, 24:00 CET = 25th 23:00Z
    Optional<LastCheckIn> justAfterMidnight = last("2026-10-24T22:05:00Z", Direction.IN);

    assertThat(likelyInBerlin("2026-10-25T22:55:00Z", justAfterMidnight))
        .as("23:55 CET, more than 24 hours later but the same local day")
        .isEqualTo(Direction.OUT);
    assertThat(likelyInBerlin("2026-10-25T23:05:00Z", justAfterMidnight))
        .as("00:05 on 26 October")
        .isEqualTo(Direction.IN);
  }

  @Test
  void theRepeatedAutumnHourBelongsToTheSameDay() {
    // 02:30 happens twice on 25 October: at 00:30Z (CEST) and at 01:30Z (CET)
    assertThat(likelyInBerlin("2026-10-25T01:30:00Z", last("2026-10-25T00:30:00Z", Direction.IN)))
        .isEqualTo(Direction.OUT);
  }

  @Test
  void everyArgumentIsRequired() {
    Instant now = Instant.parse("2026-11-30T08:00:00Z");

    assertThatNullPointerException()
        .isThrownBy(() -> DirectionRule.likely(null, now, Optional.empty()));
    assertThatNullPointerException()
        .isThrownBy(() -> DirectionRule.likely(BERLIN, null, Optional.empty()));
    assertThatNullPointerException().isThrownBy(() -> DirectionRule.likely(BERLIN, now, null));
    assertThatNullPointerException().isThrownBy(() -> new LastCheckIn(now, null));
  }

  @Test
  void oppositeSwapsTheDirections() {
    assertThat(Direction.IN.opposite()).isEqualTo(Direction.OUT);
    assertThat(Direction.OUT.opposite()).isEqualTo(Direction.IN);
  }
}
