package dev.facegate.domain.recognition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LivenessSettingsTest {

  private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
  private static final LivenessBounds DEFAULTS = new LivenessBounds(10, 20, 4000, 0.06);

  @Test
  void aSiteUsesItsOwnBoundsUntilTheyAreRemoved() {
    LivenessSettings settings = new LivenessSettings(DEFAULTS, T0, "system");
    LivenessBounds strict = new LivenessBounds(8, 25, 5000, 0.08);

    settings.overrideForSite("server-room", strict, T0.plusSeconds(60), "admin");

    assertThat(settings.boundsFor("server-room")).isEqualTo(strict);
    assertThat(settings.boundsFor("canteen")).isEqualTo(DEFAULTS);
    assertThat(settings.boundsFor(null)).isEqualTo(DEFAULTS);
    assertThat(settings.getUpdatedBy()).isEqualTo("admin");
    assertThat(settings.removeSiteOverride("server-room", T0.plusSeconds(120), "admin")).isTrue();
    assertThat(settings.removeSiteOverride("server-room", T0.plusSeconds(180), "admin")).isFalse();
    assertThat(settings.boundsFor("server-room")).isEqualTo(DEFAULTS);
    assertThat(settings.getUpdatedAt()).isEqualTo(T0.plusSeconds(120));
  }

  @Test
  void boundsOutOfRangeAreRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> new LivenessBounds(0, 20, 4000, 0.06));
    assertThatIllegalArgumentException().isThrownBy(() -> new LivenessBounds(20, 20, 4000, 0.06));
    assertThatIllegalArgumentException().isThrownBy(() -> new LivenessBounds(10, 90, 4000, 0.06));
    assertThatIllegalArgumentException().isThrownBy(() -> new LivenessBounds(10, 20, 0, 0.06));
    assertThatIllegalArgumentException().isThrownBy(() -> new LivenessBounds(10, 20, 30_001, 0.06));
    assertThatIllegalArgumentException().isThrownBy(() -> new LivenessBounds(10, 20, 4000, -0.01));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new LivenessBounds(10, 20, 4000, Double.NaN))
        .withMessageContaining("minResidual");
  }
}
