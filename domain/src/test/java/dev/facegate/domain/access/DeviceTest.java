package dev.facegate.domain.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeviceTest {

  @Test
  void aDoorControllerNeedsItsDoorAndAKioskHasNone() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Device("Front", DeviceKind.DOOR, "HQ", " ", "hash", Instant.EPOCH));

    Device kiosk = new Device("Lobby", DeviceKind.KIOSK, "HQ", "ignored", "hash", Instant.EPOCH);
    assertThat(kiosk.getDoorName()).isNull();
    assertThat(kiosk.isEnabled()).isTrue();
  }

  @Test
  void lastSeenOnlyMovesForward() {
    Device door = new Device("Front", DeviceKind.DOOR, "HQ", "Main door", "hash", Instant.EPOCH);

    door.seenAt(Instant.parse("2026-11-27T10:00:00Z"));
    door.seenAt(Instant.parse("2026-11-27T09:00:00Z"));

    assertThat(door.getLastSeenAt()).isEqualTo(Instant.parse("2026-11-27T10:00:00Z"));
  }

  @Test
  void lastSeenIsKeptToTheMinuteSoFramesDoNotRewriteTheRow() {
    Device door = new Device("Front", DeviceKind.DOOR, "HQ", "Main door", "hash", Instant.EPOCH);
    Instant first = Instant.parse("2026-11-27T10:00:00Z");

    door.seenAt(first);
    door.seenAt(first.plusSeconds(59));
    assertThat(door.getLastSeenAt()).isEqualTo(first);

    door.seenAt(first.plus(Device.LAST_SEEN_RESOLUTION));
    assertThat(door.getLastSeenAt()).isEqualTo(first.plus(Device.LAST_SEEN_RESOLUTION));
  }

  @Test
  void rotationReplacesTheTokenHash() {
    Device door = new Device("Front", DeviceKind.DOOR, "HQ", "Main door", "old", Instant.EPOCH);

    door.rotateToken("new");

    assertThat(door.getTokenHash()).isEqualTo("new");
  }
}
