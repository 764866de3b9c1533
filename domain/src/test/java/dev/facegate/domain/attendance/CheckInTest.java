package dev.facegate.domain.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.facegate.domain.recognition.Outcome;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CheckInTest {

  @Test
  void aMatchNamesTheEmployeeAndMayOpenTheDoor() {
    CheckIn checkIn =
        new CheckIn(Instant.EPOCH, 1, 42L, Outcome.MATCH, true, false, 0.95, 0.6, "ok", "v1");

    assertThat(checkIn.getEmployeeId()).isEqualTo(42L);
    assertThat(checkIn.isDoorOpened()).isTrue();
  }

  @Test
  void onlyAMatchNamesAnEmployeeOrOpensADoor() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new CheckIn(
                    Instant.EPOCH, 1, 42L, Outcome.UNKNOWN, false, false, 0.5, null, "x", "v1"));
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new CheckIn(
                    Instant.EPOCH, 1, null, Outcome.MATCH, false, false, 0.95, null, "x", "v1"));
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new CheckIn(
                    Instant.EPOCH, 1, null, Outcome.NO_FACE, true, false, null, null, "x", "v1"));
  }
}
