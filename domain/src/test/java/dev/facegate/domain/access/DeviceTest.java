package dev.facegate.domain.access;

import static dev.facegate.domain.access.DeviceBuilder.aDoor;
import static dev.facegate.domain.access.DeviceBuilder.aKiosk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeviceTest {

  @Test
  void aDoorControllerNeedsItsDoorAndAKioskHasNone() {
    assertThatIllegalArgumentException().isThrownBy(() -> aDoor().withDoorName(" ").build());

    Device kiosk = aKiosk().withDoorName("ignored").build();
    assertThat(kiosk.getDoorName()).isNull();
    assertThat(kiosk.isEnabled()).isTrue();
  }

  @Test
  void lastSeenIsDueOncePerMinuteSoFramesDoNotRewriteTheRow() {
    Device door = aDoor().build();
    Instant first = Instant.parse("2026-11-27T10:00:00Z");

    assertThat(door.isSeenDue(first)).isTrue();
  }

  @Test
  void aNewDeviceHasItsKeyAndNoToken() {
    Device door = aDoor().build();

    assertThat(door.isLegacy()).isFalse();
    assertThat(door.getPublicKey()).isNotBlank();
    assertThat(door.getTokenHash()).isNull();
    assertThatIllegalStateException().isThrownBy(() -> door.rotateToken("new"));
  }

  @Test
  void rotationReplacesALegacyTokenHash() {
    Device door = aDoor().withLegacyToken("old").build();

    door.rotateToken("new");

    assertThat(door.getTokenHash()).isEqualTo("new");
    assertThat(door.isLegacy()).isTrue();
  }

  @Test
  void registeringAKeyEndsTheLegacyTokenForGood() {
    Device door = aDoor().withLegacyToken("old").build();

    door.registerKey("key");

    assertThat(door.isLegacy()).isFalse();
    assertThat(door.getTokenHash()).isNull();
    assertThat(door.getPublicKey()).isEqualTo("key");
  }

  @Test
  void aBrowserKioskPairsOnceWithAnOpenCodeAndUnpairs() {
    Instant now = Instant.parse("2026-12-01T08:00:00Z");
    Device kiosk = Device.browserKiosk("Lobby", "main", now);
    assertThat(kiosk.isBrowserKiosk()).isTrue();
    assertThat(kiosk.isPaired()).isFalse();
    assertThatIllegalStateException().isThrownBy(() -> kiosk.pair("secret-hash", now));

    kiosk.issuePairingCode("code-hash", now.plusSeconds(600));
    assertThat(kiosk.isPairingOpen(now.plusSeconds(599))).isTrue();
    assertThat(kiosk.isPairingOpen(now.plusSeconds(600))).as("expired").isFalse();
    kiosk.pair("secret-hash", now.plusSeconds(10));

    assertThat(kiosk.isPaired()).isTrue();
    assertThat(kiosk.getKioskSecretHash()).isEqualTo("secret-hash");
    assertThat(kiosk.isPairingOpen(now.plusSeconds(11))).as("the code is used up").isFalse();
    assertThatIllegalStateException().isThrownBy(() -> kiosk.pair("other", now.plusSeconds(12)));

    kiosk.unpair();
    assertThat(kiosk.isPaired()).isFalse();
    assertThat(kiosk.getKioskSecretHash()).isNull();
  }

  @Test
  void onlyABrowserKioskHasPairingCodesAndOnlyKiosksAnAgreement() {
    Device door = aDoor().build();
    assertThatIllegalStateException()
        .isThrownBy(() -> door.issuePairingCode("h", Instant.parse("2026-12-01T08:00:00Z")));
    assertThatIllegalStateException()
        .isThrownBy(
            () ->
                door.setAgreement(dev.facegate.domain.attendance.FrameAgreement.Settings.DEFAULT));
  }

  @Test
  void aKioskUsesTheDefaultAgreementUntilItHasItsOwn() {
    Device kiosk = Device.browserKiosk("Lobby", "main", Instant.parse("2026-12-01T08:00:00Z"));
    assertThat(kiosk.getAgreement())
        .isEqualTo(dev.facegate.domain.attendance.FrameAgreement.Settings.DEFAULT);

    var twoOfThree =
        new dev.facegate.domain.attendance.FrameAgreement.Settings(
            2, 3, java.time.Duration.ofMillis(2500));
    kiosk.setAgreement(twoOfThree);

    assertThat(kiosk.getAgreement()).isEqualTo(twoOfThree);
  }
}
