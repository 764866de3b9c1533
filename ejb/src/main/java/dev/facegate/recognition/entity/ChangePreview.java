package dev.facegate.recognition.entity;

import java.util.List;

/**
 * What a proposed operating point would change: the estimate on the templates, and the recorded
 * decisions of the last days replayed at the current and at the proposed thresholds.
 *
 * @param site the site whose override would change, or null for the installation default
 * @param currentThreshold the threshold in force there
 * @param currentMargin the margin in force there
 * @param threshold the proposed threshold
 * @param margin the proposed margin
 * @param targetFmr the target FMR it came from, or null when typed
 * @param estimatedFmr the FMR of the templates at the proposed threshold (null without data)
 * @param estimatedFnmr the FNMR there (null without data)
 * @param strangerMatchProbability the open-set risk there (null without data)
 * @param falseOpensPer1000Strangers the same per 1,000 strangers
 * @param galleryPeople N of the open-set risk
 * @param previewDays the days of check-ins replayed
 * @param decisions recorded face decisions replayed (those the change affects)
 * @param matchesNow of those, MATCH at the thresholds in force
 * @param matchesProposed of those, MATCH at the proposed thresholds
 * @param matchToUnknown MATCH now, UNKNOWN at the proposal
 * @param unknownToMatch UNKNOWN now, MATCH at the proposal
 * @param problems why applying it would be refused (empty: it can be applied)
 * @param needsAcceptance the estimated FMR is above the limit: applying needs "I accept"
 * @param basis the data basis in words (counts of people, templates, pairs), as audited
 */
public record ChangePreview(
    String site,
    double currentThreshold,
    double currentMargin,
    double threshold,
    double margin,
    Double targetFmr,
    Double estimatedFmr,
    Double estimatedFnmr,
    Double strangerMatchProbability,
    Double falseOpensPer1000Strangers,
    int galleryPeople,
    int previewDays,
    long decisions,
    long matchesNow,
    long matchesProposed,
    long matchToUnknown,
    long unknownToMatch,
    List<String> problems,
    boolean needsAcceptance,
    String basis) {

  /** Copies the problems. */
  public ChangePreview {
    problems = List.copyOf(problems);
  }
}
