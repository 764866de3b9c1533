package dev.facegate.domain.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DayStaysTest {

  private static final Duration LONGEST = Duration.ofHours(16);

  private static Instant t(String hhmm) {
    return Instant.parse("2026-10-07T" + hhmm + ":00Z");
  }

  @Test
  void noStaysIsNone() {
    assertThat(DayStays.of(List.of())).isEqualTo(DayStays.NONE);
    assertThat(DayStays.NONE.isEmpty()).isTrue();
  }

  @Test
  void sumsClosedStaysAndTheGapsBetweenThemSkippingOpenOnes() {
    DayStays day =
        DayStays.of(
            List.of(
                new Stay(t("07:00"), t("10:00")),
                new Stay(t("10:15"), null), // an open stay between two closed ones
                new Stay(t("11:00"), t("15:30"))));

    assertThat(day.count()).isEqualTo(3);
    assertThat(day.firstIn()).isEqualTo(t("07:00"));
    assertThat(day.lastOut()).isEqualTo(t("15:30"));
    assertThat(day.closed()).isEqualTo(Duration.ofMinutes(7 * 60 + 30));
    assertThat(day.gaps()).isEqualTo(Duration.ofHours(1)); // 10:00 to 11:00
    assertThat(day.earliestOpenIn()).isEqualTo(t("10:15"));
    assertThat(day.latestOpenIn()).isEqualTo(t("10:15"));
  }

  @Test
  void onlyOpenStaysHaveNoDeparture() {
    DayStays day = DayStays.of(List.of(new Stay(t("06:00"), null), new Stay(t("09:00"), null)));

    assertThat(day.lastOut()).isNull();
    assertThat(day.closed()).isZero();
    assertThat(day.earliestOpenIn()).isEqualTo(t("06:00"));
    assertThat(day.latestOpenIn()).isEqualTo(t("09:00"));
  }

  @Test
  void anOpenStayIsInUntilTheLongestStayThenNeverCloses() {
    DayStays day = DayStays.of(List.of(new Stay(t("06:00"), null)));
    Instant limit = t("06:00").plus(LONGEST);

    assertThat(day.openSince(limit.minusNanos(1000), LONGEST)).isTrue();
    assertThat(day.neverClosed(limit.minusNanos(1000), LONGEST)).isFalse();
    assertThat(day.openSince(limit, LONGEST)).isFalse();
    assertThat(day.neverClosed(limit, LONGEST)).isTrue();
  }

  @Test
  void refusesInconsistentSummaries() {
    assertThatThrownBy(
            () -> new DayStays(0, t("06:00"), null, Duration.ZERO, Duration.ZERO, null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new DayStays(1, t("06:00"), null, Duration.ZERO, Duration.ZERO, t("06:00"), null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
