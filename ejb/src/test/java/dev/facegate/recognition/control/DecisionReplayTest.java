package dev.facegate.recognition.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facegate.attendance.boundary.ScoredDecision;
import dev.facegate.domain.recognition.Outcome;
import dev.facegate.domain.recognition.Thresholds;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DecisionReplayTest {

  private static final String MODEL = "m1";
  private static final Map<Long, String> SITE_OF = Map.of(1L, "north", 2L, "south");
  private static final Thresholds DEFAULTS = new Thresholds(0.93, 0.02);
  private static final Thresholds SOUTH = new Thresholds(0.95, 0.02);

  private static ScoredDecision d(long device, double best, Double runnerUp) {
    // The recorded outcome is deliberately wrong for some: the replay recomputes both sides.
    return new ScoredDecision(device, SITE_OF.get(device), Outcome.UNKNOWN, best, runnerUp, MODEL);
  }

  private static Thresholds inForce(String site) {
    return "south".equals(site) ? SOUTH : DEFAULTS;
  }

  private final List<ScoredDecision> decisions =
      List.of(
          d(1, 0.940, null), // north: match at 0.93, unknown at 0.945
          d(1, 0.960, 0.950), // north: margin 0.01 < 0.02, unknown on both sides
          d(1, 0.920, null), // north: unknown at 0.93, match at 0.915
          d(1, 0.990, 0.900), // north: match on both sides
          d(2, 0.940, null), // south (override 0.95): never affected by a default change
          new ScoredDecision(1L, "north", Outcome.MATCH, 0.99, null, "other-model")); // other model

  @Test
  void aStricterDefaultFlipsMatchesToUnknownOnlyWhereNoOverrideApplies() {
    DecisionReplay.Counts c =
        DecisionReplay.replay(
            decisions,
            MODEL,
            site -> !"south".equals(site),
            DecisionReplayTest::inForce,
            new Thresholds(0.945, 0.02));

    assertThat(c.decisions()).isEqualTo(4); // north only, same model
    assertThat(c.matchesNow()).isEqualTo(2); // 0.940 and 0.990
    assertThat(c.matchesProposed()).isEqualTo(1); // 0.990
    assertThat(c.matchToUnknown()).isEqualTo(1);
    assertThat(c.unknownToMatch()).isZero();
  }

  @Test
  void aLooserSiteOverrideFlipsUnknownToMatchAtThatSiteOnly() {
    DecisionReplay.Counts c =
        DecisionReplay.replay(
            decisions,
            MODEL,
            "south"::equals,
            DecisionReplayTest::inForce,
            new Thresholds(0.915, 0.02));

    assertThat(c.decisions()).isEqualTo(1);
    assertThat(c.matchesNow()).isZero(); // 0.940 < 0.95
    assertThat(c.unknownToMatch()).isEqualTo(1);
    assertThat(c.matchToUnknown()).isZero();
  }

  @Test
  void aLowerMarginFlipsTheCloseCall() {
    DecisionReplay.Counts c =
        DecisionReplay.replay(
            decisions,
            MODEL,
            site -> !"south".equals(site),
            DecisionReplayTest::inForce,
            new Thresholds(0.93, 0.005));

    assertThat(c.unknownToMatch()).isEqualTo(1); // 0.960 vs 0.950
    assertThat(c.matchToUnknown()).isZero();
  }
}
