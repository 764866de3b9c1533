package dev.facegate.domain.recognition;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * Decides whether a probe face is one enrolled person. Open-set identification multiplies false
 * matches by the number of enrolled people, so a match needs two things: the best person's score
 * reaches the threshold, AND it beats the best other person by the margin (two similar-looking
 * people are "unknown" rather than a coin toss).
 *
 * <p>Fusion over a person's templates: a person's score is the best similarity of any of their
 * templates to the probe (several photos per person widen the pose and lighting they cover).
 */
public final class OpenSetPolicy {

  private OpenSetPolicy() {}

  /**
   * The rule of {@link #decide} on scores alone: whether a probe whose best person scored {@code
   * best} (and the best other person {@code runnerUp}, if any) is a MATCH. Used to replay recorded
   * decisions at other thresholds.
   *
   * @param best the best person's score
   * @param runnerUp the best other person's score, if there was one
   * @param thresholds the operating point
   * @return whether the decision would be MATCH
   */
  public static boolean accepts(double best, OptionalDouble runnerUp, Thresholds thresholds) {
    return best >= thresholds.threshold()
        && (runnerUp.isEmpty() || best - runnerUp.getAsDouble() >= thresholds.margin());
  }

  public static Decision decide(List<Candidate> candidates, Thresholds thresholds) {
    if (candidates.isEmpty()) {
      return new Decision(
          Outcome.UNKNOWN,
          Optional.empty(),
          OptionalDouble.empty(),
          OptionalDouble.empty(),
          "Nobody is enrolled.");
    }
    Map<Long, Double> scoreByPerson =
        candidates.stream()
            .collect(Collectors.toMap(Candidate::personId, Candidate::similarity, Math::max));
    List<Map.Entry<Long, Double>> ranked =
        scoreByPerson.entrySet().stream()
            .sorted(Map.Entry.<Long, Double>comparingByValue(Comparator.reverseOrder()))
            .toList();
    Map.Entry<Long, Double> best = ranked.get(0);
    OptionalDouble runnerUp =
        ranked.size() > 1 ? OptionalDouble.of(ranked.get(1).getValue()) : OptionalDouble.empty();
    double bestScore = best.getValue();
    if (bestScore < thresholds.threshold()) {
      return new Decision(
          Outcome.UNKNOWN,
          Optional.empty(),
          OptionalDouble.of(bestScore),
          runnerUp,
          String.format(
              Locale.ROOT,
              "Best score %.3f is below the threshold %.3f.",
              bestScore,
              thresholds.threshold()));
    }
    if (runnerUp.isPresent() && bestScore - runnerUp.getAsDouble() < thresholds.margin()) {
      return new Decision(
          Outcome.UNKNOWN,
          Optional.empty(),
          OptionalDouble.of(bestScore),
          runnerUp,
          String.format(
              Locale.ROOT,
              "Best score %.3f is within %.3f of another person (%.3f); the margin is %.3f.",
              bestScore,
              bestScore - runnerUp.getAsDouble(),
              runnerUp.getAsDouble(),
              thresholds.margin()));
    }
    return new Decision(
        Outcome.MATCH,
        Optional.of(best.getKey()),
        OptionalDouble.of(bestScore),
        runnerUp,
        String.format(
            Locale.ROOT,
            "Score %.3f reaches the threshold %.3f%s.",
            bestScore,
            thresholds.threshold(),
            runnerUp.isPresent()
                ? String.format(
                    Locale.ROOT,
                    " and beats the next person by %.3f",
                    bestScore - runnerUp.getAsDouble())
                : ""));
  }
}
