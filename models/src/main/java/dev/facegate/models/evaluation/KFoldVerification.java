package dev.facegate.models.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The LFW-style k-fold verification protocol on scored pairs: for every fold the threshold that
 * maximises accuracy on the other folds is applied to the fold itself; the result is the mean and
 * standard deviation of the fold accuracies. ROC figures are pooled over all scored pairs.
 *
 * <p>Pairs without a score (an image without an embedding) are left out of the accuracy and of the
 * ROC and counted as errors in the strict accuracy, as are pairs where a face was not detected but
 * a fallback produced the embedding. Stateless.
 */
public final class KFoldVerification {

  private KFoldVerification() {}

  /**
   * The outcome of one test fold.
   *
   * @param fold the fold number
   * @param threshold the threshold chosen on the other folds
   * @param pairs pairs in the fold
   * @param scoredPairs pairs in the fold with a score
   * @param accuracy accuracy on the scored pairs of the fold
   * @param strictAccuracy accuracy on all pairs of the fold, unscored or undetected ones wrong
   */
  public record FoldResult(
      int fold,
      double threshold,
      int pairs,
      int scoredPairs,
      double accuracy,
      double strictAccuracy) {}

  /**
   * The outcome of the protocol.
   *
   * @param folds per-fold results in fold order
   * @param pairs all pairs
   * @param scoredPairs pairs with a score
   * @param accuracy mean fold accuracy
   * @param accuracyStd population standard deviation of the fold accuracies
   * @param strictAccuracy mean fold strict accuracy
   * @param threshold mean of the fold thresholds
   * @param auc pooled ROC AUC
   * @param atFar1e2 pooled operating point at FAR 1e-2
   * @param atFar1e3 pooled operating point at FAR 1e-3
   * @param genuine summary of the genuine scores
   * @param impostor summary of the impostor scores
   */
  public record Result(
      List<FoldResult> folds,
      int pairs,
      int scoredPairs,
      double accuracy,
      double accuracyStd,
      double strictAccuracy,
      double threshold,
      double auc,
      Roc.OperatingPoint atFar1e2,
      Roc.OperatingPoint atFar1e3,
      ScoreSummary genuine,
      ScoreSummary impostor) {}

  /**
   * Runs the protocol.
   *
   * @param scored all pairs with folds assigned ({@code >= 2} distinct folds)
   * @return the result
   */
  public static Result evaluate(List<ScoredPair> scored) {
    Map<Integer, List<ScoredPair>> byFold = new TreeMap<>();
    for (ScoredPair s : scored) {
      if (s.pair().fold() < 1) {
        throw new IllegalArgumentException("every pair needs a fold; assign folds first");
      }
      byFold.computeIfAbsent(s.pair().fold(), f -> new ArrayList<>()).add(s);
    }
    if (byFold.size() < 2) {
      throw new IllegalArgumentException("need at least 2 folds, got " + byFold.size());
    }
    List<FoldResult> folds = new ArrayList<>();
    for (var entry : byFold.entrySet()) {
      int fold = entry.getKey();
      List<ScoredPair> train = new ArrayList<>();
      for (ScoredPair s : scored) {
        if (s.pair().fold() != fold && s.scored()) {
          train.add(s);
        }
      }
      double t = bestThreshold(train);
      int n = 0;
      int correct = 0;
      int strictCorrect = 0;
      for (ScoredPair s : entry.getValue()) {
        if (!s.scored()) {
          continue;
        }
        n++;
        boolean ok = (s.score() >= t) == s.pair().same();
        if (ok) {
          correct++;
          if (s.facesDetected()) {
            strictCorrect++;
          }
        }
      }
      int all = entry.getValue().size();
      folds.add(
          new FoldResult(
              fold,
              t,
              all,
              n,
              n == 0 ? Double.NaN : correct / (double) n,
              strictCorrect / (double) all));
    }
    double[] acc = folds.stream().mapToDouble(FoldResult::accuracy).toArray();
    double mean = Arrays.stream(acc).average().orElse(Double.NaN);
    double var = Arrays.stream(acc).map(a -> (a - mean) * (a - mean)).average().orElse(Double.NaN);
    double[] genuine =
        scored.stream()
            .filter(s -> s.scored() && s.pair().same())
            .mapToDouble(ScoredPair::score)
            .toArray();
    double[] impostor =
        scored.stream()
            .filter(s -> s.scored() && !s.pair().same())
            .mapToDouble(ScoredPair::score)
            .toArray();
    Roc roc = new Roc(genuine, impostor);
    return new Result(
        List.copyOf(folds),
        scored.size(),
        genuine.length + impostor.length,
        mean,
        Math.sqrt(var),
        folds.stream().mapToDouble(FoldResult::strictAccuracy).average().orElse(Double.NaN),
        folds.stream().mapToDouble(FoldResult::threshold).average().orElse(Double.NaN),
        roc.auc(),
        roc.atFar(1e-2),
        roc.atFar(1e-3),
        ScoreSummary.of(genuine),
        ScoreSummary.of(impostor));
  }

  /**
   * The threshold with the highest accuracy on scored pairs ({@code same} iff {@code score >=
   * threshold}). Candidates are the midpoints between consecutive distinct scores and one value
   * beyond each end; among equally accurate candidates the middle one is taken, which keeps the
   * choice away from the scores that bound the tie.
   *
   * @param train the scored training pairs, not empty
   * @return the threshold
   */
  public static double bestThreshold(List<ScoredPair> train) {
    int n = train.size();
    if (n == 0) {
      throw new IllegalArgumentException("no scored training pairs to choose a threshold on");
    }
    ScoredPair[] s = train.toArray(new ScoredPair[0]);
    Arrays.sort(s, (x, y) -> Double.compare(x.score(), y.score()));
    int genuineTotal = 0;
    for (ScoredPair p : s) {
      if (p.pair().same()) {
        genuineTotal++;
      }
    }
    // Candidate c (0..n) rejects the c lowest scores; only positions between distinct scores count.
    List<Double> best = new ArrayList<>();
    int bestCorrect = -1;
    int impostorsBelow = 0;
    int genuineBelow = 0;
    for (int c = 0; c <= n; c++) {
      if (c > 0) {
        if (s[c - 1].pair().same()) {
          genuineBelow++;
        } else {
          impostorsBelow++;
        }
      }
      if (c > 0 && c < n && s[c].score() == s[c - 1].score()) {
        continue;
      }
      double threshold;
      if (c == 0) {
        threshold = s[0].score() - 1e-6;
      } else if (c == n) {
        threshold = s[n - 1].score() + 1e-6;
      } else {
        threshold = (s[c - 1].score() + s[c].score()) / 2;
      }
      int correct = impostorsBelow + (genuineTotal - genuineBelow);
      if (correct > bestCorrect) {
        bestCorrect = correct;
        best.clear();
      }
      if (correct == bestCorrect) {
        best.add(threshold);
      }
    }
    return best.get((best.size() - 1) / 2);
  }
}
