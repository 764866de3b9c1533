package dev.facegate.domain.attendance;

import static dev.facegate.domain.attendance.CheckInBuilder.aCheckIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.facegate.domain.recognition.Outcome;
import org.junit.jupiter.api.Test;

class CheckInTest {

  @Test
  void aMatchNamesTheEmployeeAndMayOpenTheDoor() {
    CheckIn checkIn = aCheckIn().matching(42L).openingTheDoor().build();

    assertThat(checkIn.getEmployeeId()).isEqualTo(42L);
    assertThat(checkIn.isDoorOpened()).isTrue();
  }

  @Test
  void onlyAMatchNamesAnEmployeeOrOpensADoor() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> aCheckIn().withOutcome(Outcome.UNKNOWN).withEmployee(42L).build());
    assertThatIllegalArgumentException().isThrownBy(() -> aCheckIn().matching(null).build());
    assertThatIllegalArgumentException()
        .isThrownBy(() -> aCheckIn().withOutcome(Outcome.NO_FACE).openingTheDoor().build());
  }

  @Test
  void kioskCheckInsCarryTheirDirectionAndNeverOpenADoor() {
    CheckIn checkIn = aCheckIn().matching(7L).atKiosk(Direction.OUT).build();

    assertThat(checkIn.getMethod()).isEqualTo(Method.FACE);
    assertThat(checkIn.getDirection()).isEqualTo(Direction.OUT);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> aCheckIn().matching(7L).atKiosk(null).build());
    assertThat(aCheckIn().withOutcome(Outcome.UNKNOWN).atKiosk(null).build().getDirection())
        .isNull();
    assertThatIllegalArgumentException()
        .isThrownBy(() -> aCheckIn().matching(7L).atKiosk(Direction.IN).openingTheDoor().build());
  }

  @Test
  void aBadgeCheckInAlwaysNamesItsEmployee() {
    assertThat(aCheckIn().matching(7L).by(Method.BADGE, Direction.IN).build().getMethod())
        .isEqualTo(Method.BADGE);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> aCheckIn().by(Method.BADGE, Direction.IN).build());
  }

  @Test
  void aDoorPassageHasNoDirection() {
    CheckIn checkIn = aCheckIn().matching(7L).openingTheDoor().build();

    assertThat(checkIn.getMethod()).isEqualTo(Method.DOOR);
    assertThat(checkIn.getDirection()).isNull();
  }

  @Test
  void aCheckInIsLivenessFailedExactlyWhenItsCheckFailedAndThenNamesNobody() {
    CheckIn refused =
        aCheckIn()
            .withOutcome(Outcome.LIVENESS_FAILED)
            .withLiveness(LivenessCheck.FAILED)
            .withScores(0.97, 0.4)
            .build();

    assertThat(refused.getLiveness()).isEqualTo(LivenessCheck.FAILED);
    assertThat(refused.getEmployeeId()).isNull();
    assertThatIllegalArgumentException()
        .isThrownBy(() -> aCheckIn().withOutcome(Outcome.LIVENESS_FAILED).build());
    assertThatIllegalArgumentException()
        .isThrownBy(() -> aCheckIn().matching(7L).withLiveness(LivenessCheck.FAILED).build());
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                aCheckIn()
                    .withOutcome(Outcome.LIVENESS_FAILED)
                    .withEmployee(7L)
                    .withLiveness(LivenessCheck.FAILED)
                    .build());
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                aCheckIn()
                    .withOutcome(Outcome.LIVENESS_FAILED)
                    .withLiveness(LivenessCheck.FAILED)
                    .openingTheDoor()
                    .build());
  }

  @Test
  void withoutAStatedCheckACheckInWasNotCheckedForLiveness() {
    CheckIn checkIn =
        new CheckIn(
            java.time.Instant.parse("2026-12-01T08:00:00Z"),
            1,
            7L,
            Outcome.MATCH,
            true,
            false,
            0.97,
            null,
            "test",
            "1",
            Method.DOOR,
            null);

    assertThat(checkIn.getLiveness()).isEqualTo(LivenessCheck.NOT_CHECKED);
    assertThat(aCheckIn().matching(7L).withLiveness(LivenessCheck.PASSED).build().getLiveness())
        .isEqualTo(LivenessCheck.PASSED);
  }
}
