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
}
