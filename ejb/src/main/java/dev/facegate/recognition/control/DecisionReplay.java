package dev.facegate.recognition.control;

import dev.facegate.attendance.boundary.ScoredDecision;
import dev.facegate.domain.recognition.OpenSetPolicy;
import dev.facegate.domain.recognition.Thresholds;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Replays recorded face decisions at the thresholds in force and at proposed ones, by the open-set
 * rule on their recorded best and runner-up scores. Both sides are recomputed (not read from the
 * recorded outcome), so the counts show what the change alone would flip, not earlier changes.
 */
public final class DecisionReplay {

  /**
   * The counts of a replay.
   *
   * @param decisions decisions replayed
   * @param matchesNow MATCH at the thresholds in force
   * @param matchesProposed MATCH at the proposal
   * @param matchToUnknown MATCH now, UNKNOWN at the proposal
   * @param unknownToMatch UNKNOWN now, MATCH at the proposal
   */
  public record Counts(
      long decisions,
      long matchesNow,
      long matchesProposed,
      long matchToUnknown,
      long unknownToMatch) {}

  private DecisionReplay() {}

  /**
   * Replays decisions.
   *
   * @param decisions the recorded decisions
   * @param modelVersion only decisions scored by this model are comparable
   * @param affected whether a change affects decisions at a site (its own override, or every site
   *     without an override for an installation-wide change)
   * @param inForce the thresholds in force at a site
   * @param proposed the proposed thresholds
   * @return the counts
   */
  public static Counts replay(
      List<ScoredDecision> decisions,
      String modelVersion,
      Predicate<String> affected,
      Function<String, Thresholds> inForce,
      Thresholds proposed) {
    Objects.requireNonNull(proposed, "proposed thresholds are required");
    long n = 0;
    long now = 0;
    long then = 0;
    long lost = 0;
    long gained = 0;
    for (ScoredDecision d : decisions) {
      if (d.bestScore() == null || !Objects.equals(modelVersion, d.modelVersion())) {
        continue;
      }
      String site = d.site();
      if (!affected.test(site)) {
        continue;
      }
      OptionalDouble runnerUp =
          d.runnerUpScore() == null ? OptionalDouble.empty() : OptionalDouble.of(d.runnerUpScore());
      boolean matchNow = OpenSetPolicy.accepts(d.bestScore(), runnerUp, inForce.apply(site));
      boolean matchProposed = OpenSetPolicy.accepts(d.bestScore(), runnerUp, proposed);
      n++;
      now += matchNow ? 1 : 0;
      then += matchProposed ? 1 : 0;
      lost += matchNow && !matchProposed ? 1 : 0;
      gained += !matchNow && matchProposed ? 1 : 0;
    }
    return new Counts(n, now, then, lost, gained);
  }
}
