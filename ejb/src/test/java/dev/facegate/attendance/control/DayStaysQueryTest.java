package dev.facegate.attendance.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DayStaysQueryTest {

  @Test
  void regionsPassAsTheyAre() {
    assertThat(DayStaysQuery.postgresZone(ZoneId.of("Europe/Berlin"))).isEqualTo("Europe/Berlin");
    assertThat(DayStaysQuery.postgresZone(ZoneId.of("Asia/Kolkata"))).isEqualTo("Asia/Kolkata");
  }

  @Test
  void fixedOffsetsAreWrittenWithPosixSigns() {
    // PostgreSQL reads '+02:00' as two hours west of UTC; POSIX 'UTC-02:00:00' is two hours east
    assertThat(DayStaysQuery.postgresZone(ZoneOffset.ofHours(2))).isEqualTo("UTC-02:00:00");
    assertThat(DayStaysQuery.postgresZone(ZoneOffset.ofHoursMinutes(-3, -30)))
        .isEqualTo("UTC+03:30:00");
    assertThat(DayStaysQuery.postgresZone(ZoneId.of("UTC+05:45"))).isEqualTo("UTC-05:45:00");
    assertThat(DayStaysQuery.postgresZone(ZoneId.of("UTC"))).isEqualTo("UTC+00:00:00");
  }
}
