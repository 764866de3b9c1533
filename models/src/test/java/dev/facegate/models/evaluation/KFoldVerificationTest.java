package dev.facegate.models.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KFoldVerificationTest {

  /**
   * 10 folds of 10 genuine pairs at 0.8 and 10 impostor pairs at 0.2, with three disturbances: a
   * genuine pair at 0.1 in fold 3 (an error under any sensible threshold), a correctly scored pair
   * in fold 5 whose face came from the fallback, and an unscored genuine pair in fold 7.
   */
  @Test
  void syntheticScoresGiveTheKnownAnswer() {
    List<ScoredPair> scored = new ArrayList<>();
    for (int fold = 1; fold <= 10; fold++) {
      for (int i = 0; i < 10; i++) {
        double genuine = fold == 3 && i == 0 ? 0.1 : 0.8;
        boolean detected = !(fold == 5 && i == 0);
        scored.add(pair(fold, true, genuine, detected));
        scored.add(pair(fold, false, 0.2, true));
      }
    }
    scored.add(pair(7, true, Double.NaN, false));

    KFoldVerification.Result r = KFoldVerification.evaluate(scored);

    assertThat(r.folds()).hasSize(10);
    // Every training set holds 0.2 impostors and 0.8 genuines (plus the stray 0.1): the best
    // threshold is the midpoint 0.5, which misclassifies only the stray pair.
    assertThat(r.folds()).allSatisfy(f -> assertThat(f.threshold()).isCloseTo(0.5, within(1e-12)));
    assertThat(r.threshold()).isCloseTo(0.5, within(1e-12));
    assertThat(r.folds().get(2).accuracy()).isCloseTo(0.95, within(1e-12));
    assertThat(r.accuracy()).isCloseTo(0.995, within(1e-12));
    // Population std of nine 1.0 and one 0.95: sqrt((9 * 0.005^2 + 0.045^2) / 10) = 0.015.
    assertThat(r.accuracyStd()).isCloseTo(0.015, within(1e-12));
    double strict = (7 * 1.0 + 0.95 + 0.95 + 20.0 / 21) / 10;
    assertThat(r.strictAccuracy()).isCloseTo(strict, within(1e-12));
    assertThat(r.pairs()).isEqualTo(201);
    assertThat(r.scoredPairs()).isEqualTo(200);
    // The stray genuine loses against all 100 impostors: AUC = (99 * 100) / (100 * 100).
    assertThat(r.auc()).isCloseTo(0.99, within(1e-12));
    assertThat(r.atFar1e3().far()).isZero();
    assertThat(r.atFar1e3().tar()).isCloseTo(0.99, within(1e-12));
    assertThat(r.genuine().count()).isEqualTo(100);
    assertThat(r.impostor().median()).isCloseTo(0.2, within(1e-12));
  }

  @Test
  void theThresholdIsChosenOnTheOtherFoldsOnly() {
    // Fold 1 alone would want a threshold near 0.35; the other folds put it at 0.6.
    List<ScoredPair> scored = new ArrayList<>();
    scored.add(pair(1, true, 0.4, true));
    scored.add(pair(1, false, 0.3, true));
    for (int fold = 2; fold <= 3; fold++) {
      scored.add(pair(fold, true, 0.7, true));
      scored.add(pair(fold, false, 0.5, true));
    }
    KFoldVerification.Result r = KFoldVerification.evaluate(scored);
    assertThat(r.folds().get(0).threshold()).isCloseTo(0.6, within(1e-12));
    assertThat(r.folds().get(0).accuracy()).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void bestThresholdTakesTheMiddleOfATie() {
    List<ScoredPair> train =
        List.of(
            pair(1, false, 0.1, true),
            pair(1, false, 0.2, true),
            pair(1, true, 0.3, true),
            pair(1, false, 0.4, true),
            pair(1, true, 0.5, true),
            pair(1, true, 0.6, true));
    // Cutting at 0.25 or at 0.45 both give 5/6; the middle of the two tied candidates (index 0 of
    // 2) is the lower one, deterministic.
    assertThat(KFoldVerification.bestThreshold(train)).isCloseTo(0.25, within(1e-12));
  }

  private static ScoredPair pair(int fold, boolean same, double score, boolean detected) {
    return new ScoredPair(new VerificationPair(fold, same, "a", "b"), score, detected);
  }
}
