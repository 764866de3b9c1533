package dev.facegate.attendance.boundary;

import dev.facegate.domain.recognition.Outcome;

/**
 * The scores of one recorded face decision, without the person: what threshold tuning needs to
 * replay the decision at other thresholds.
 *
 * @param deviceId the device that asked
 * @param site the device's site (null if the device is gone)
 * @param outcome MATCH or UNKNOWN as decided then
 * @param bestScore the best person's score
 * @param runnerUpScore the best other person's score, or {@code null} when there was none
 * @param modelVersion the embedding model that produced the scores
 */
public record ScoredDecision(
    Long deviceId,
    String site,
    Outcome outcome,
    Double bestScore,
    Double runnerUpScore,
    String modelVersion) {}
