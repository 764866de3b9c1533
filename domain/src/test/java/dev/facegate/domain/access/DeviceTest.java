package dev.facegate.domain.access;

import static dev.facegate.domain.access.DeviceBuilder.aDoor;
import static dev.facegate.domain.access.DeviceBuilder.aKiosk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

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
  void lastSeenOnlyMovesForward() {
    Device door = aDoor().build();

    door.seenAt(Instant.parse("2026-11-27T10:00:00Z"));
    door.seenAt(Instant.parse("2026-11-27T09:00:00Z"));

    assertThat(door.getLastSeenAt()).isEqualTo(Instant.parse("2026-11-27T10:00:00Z"));
  }

  @Test
  void lastSeenIsKeptToTheMinuteSoFramesDoNotRewriteTheRow() {
    Device door = aDoor().build();
    Instant first = Instant.parse("2026-11-27T10:00:00Z");

    door.seenAt(first);
    door.seenAt(first.plusSeconds(59));
    assertThat(door.getLastSeenAt()).isEqualTo(first);

    door.seenAt(first.plus(Device.LAST_SEEN_RESOLUTION));
    assertThat(door.getLastSeenAt()).isEqualTo(first.plus(Device.LAST_SEEN_RESOLUTION));
  }

  @Test
  void rotationReplacesTheTokenHash() {
    Device door = aDoor().withTokenHash("old").build();

    door.rotateToken("new");

    assertThat(door.getTokenHash()).isEqualTo("new");
  }
}
