package dev.facegate.domain.recognition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class OpenSetPolicyTest {

  private static final Thresholds THRESHOLDS = new Thresholds(0.90, 0.03);

  @Test
  void bestPersonAboveThresholdAndClearOfTheRunnerUpIsAMatch() {
    Decision decision =
        OpenSetPolicy.decide(
            List.of(new Candidate(7, 70, 0.95), new Candidate(8, 80, 0.85)), THRESHOLDS);

    assertThat(decision.outcome()).isEqualTo(Outcome.MATCH);
    assertThat(decision.personId()).contains(7L);
    assertThat(decision.bestScore().getAsDouble()).isEqualTo(0.95);
    assertThat(decision.runnerUpScore().getAsDouble()).isEqualTo(0.85);
    assertThat(decision.reason()).contains("0.950").contains("0.900");
  }

  @Test
  void belowThresholdIsUnknownEvenWithoutCompetition() {
    Decision decision = OpenSetPolicy.decide(List.of(new Candidate(7, 70, 0.89)), THRESHOLDS);

    assertThat(decision.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(decision.personId()).isEmpty();
    assertThat(decision.reason()).contains("below the threshold");
  }

  @Test
  void twoPeopleTooCloseToTellApartAreUnknown() {
    Decision decision =
        OpenSetPolicy.decide(
            List.of(new Candidate(7, 70, 0.95), new Candidate(8, 80, 0.93)), THRESHOLDS);

    assertThat(decision.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(decision.reason()).contains("margin");
  }

  @Test
  void aPersonsTemplatesAreFusedByTheirBestScoreNotCountedAsRivals() {
    // Three templates of person 7 close together must not block each other through the margin.
    Decision decision =
        OpenSetPolicy.decide(
            List.of(
                new Candidate(7, 70, 0.95),
                new Candidate(7, 71, 0.94),
                new Candidate(7, 72, 0.93),
                new Candidate(8, 80, 0.80)),
            THRESHOLDS);

    assertThat(decision.outcome()).isEqualTo(Outcome.MATCH);
    assertThat(decision.personId()).contains(7L);
    assertThat(decision.runnerUpScore().getAsDouble()).isEqualTo(0.80);
  }

  @Test
  void emptyGalleryIsUnknown() {
    assertThat(OpenSetPolicy.decide(List.of(), THRESHOLDS).outcome()).isEqualTo(Outcome.UNKNOWN);
  }

  @Test
  void thresholdsOutsideTheCosineRangeAreRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> new Thresholds(1.0, 0.0));
    assertThatIllegalArgumentException().isThrownBy(() -> new Thresholds(0.5, -0.1));
    assertThatIllegalArgumentException().isThrownBy(() -> new Thresholds(Double.NaN, 0.1));
  }

  @Test
  void siteOverridesReplaceTheDefaultsOnlyAtTheirSite() {
    RecognitionSettings settings =
        new RecognitionSettings(THRESHOLDS, 300, java.time.Instant.EPOCH, "admin");
    settings.overrideForSite("server-room", new Thresholds(0.95, 0.05));

    assertThat(settings.thresholdsFor("server-room")).isEqualTo(new Thresholds(0.95, 0.05));
    assertThat(settings.thresholdsFor("canteen")).isEqualTo(THRESHOLDS);
    assertThat(settings.thresholdsFor(null)).isEqualTo(THRESHOLDS);
  }

  @Test
  void acceptsOnScoresAgreesWithTheDecision() {
    // A grid of best / runner-up scores away from the knife-edges (steps of 0.013 vs 0.90 / 0.03).
    for (int b = 0; b < 20; b++) {
      double best = 0.80 + 0.013 * b + 0.0005;
      for (int r = -1; r < 20; r++) {
        double runner = 0.70 + 0.013 * r;
        List<Candidate> candidates =
            r < 0
                ? List.of(new Candidate(7, 70, best))
                : List.of(new Candidate(7, 70, best), new Candidate(8, 80, Math.min(best, runner)));
        Decision decision = OpenSetPolicy.decide(candidates, THRESHOLDS);
        java.util.OptionalDouble runnerUp =
            r < 0
                ? java.util.OptionalDouble.empty()
                : java.util.OptionalDouble.of(Math.min(best, runner));
        assertThat(OpenSetPolicy.accepts(best, runnerUp, THRESHOLDS))
            .as("best %s runner-up %s", best, runnerUp)
            .isEqualTo(decision.outcome() == Outcome.MATCH);
      }
    }
    assertThat(OpenSetPolicy.accepts(0.95, java.util.OptionalDouble.of(0.85), THRESHOLDS)).isTrue();
    assertThat(OpenSetPolicy.accepts(0.95, java.util.OptionalDouble.of(0.94), THRESHOLDS))
        .isFalse();
    assertThat(OpenSetPolicy.accepts(0.89, java.util.OptionalDouble.empty(), THRESHOLDS)).isFalse();
  }
}
