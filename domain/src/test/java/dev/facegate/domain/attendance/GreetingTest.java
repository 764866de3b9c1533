package dev.facegate.domain.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class GreetingTest {

  @Test
  void greetsByGivenNameWithTheDirectionAndTheLocalTime() {
    assertThat(Greeting.of("Ada Lovelace", Direction.IN, LocalTime.of(8, 57, 31)))
        .isEqualTo("Good morning, Ada — checked in 08:57");
    assertThat(Greeting.of(" Grace Brewster Hopper ", Direction.OUT, LocalTime.of(17, 30)))
        .isEqualTo("Good afternoon, Grace — checked out 17:30");
    assertThat(Greeting.of("Plato", Direction.OUT, LocalTime.of(22, 5)))
        .isEqualTo("Good evening, Plato — checked out 22:05");
  }

  @Test
  void thePartOfDayChangesAtFiveTwelveAndEighteen() {
    assertThat(Greeting.partOfDay(LocalTime.of(4, 59))).isEqualTo("evening");
    assertThat(Greeting.partOfDay(LocalTime.of(5, 0))).isEqualTo("morning");
    assertThat(Greeting.partOfDay(LocalTime.of(11, 59))).isEqualTo("morning");
    assertThat(Greeting.partOfDay(LocalTime.of(12, 0))).isEqualTo("afternoon");
    assertThat(Greeting.partOfDay(LocalTime.of(17, 59))).isEqualTo("afternoon");
    assertThat(Greeting.partOfDay(LocalTime.of(18, 0))).isEqualTo("evening");
  }
}
