package dev.facegate.recognition.entity;

import java.util.List;

/**
 * What the installation's own templates say about the threshold: the data basis, the figures at the
 * thresholds in force, the operating points, the curves and the histograms. When the data is thin
 * ({@code reliable} false) the figures are shown but flagged, and the shipped calibration is the
 * reference; when nothing can be scored ({@code scorable} false) the lists are empty and the
 * figures null.
 *
 * @param modelId the embedding model
 * @param modelVersion its version (templates of other versions are not mixed in)
 * @param siteFilter the site filter on employees, or null
 * @param departmentFilter the department filter on employees, or null
 * @param people people with at least one template in scope (N of the open-set risk)
 * @param peopleWithTwoTemplates people with at least two templates (they give genuine pairs)
 * @param templates templates in scope
 * @param genuinePairs genuine pairs (all used)
 * @param impostorPairsTotal impostor pairs the templates have
 * @param impostorPairsUsed impostor pairs scored (all, or a sample)
 * @param sampled whether the impostor pairs were sampled
 * @param seed the seed of the sample
 * @param reliable whether the data is enough to act on (20+ people with 2+ templates each)
 * @param reliabilityNote why not, for the page; null when reliable
 * @param scorable whether any genuine and impostor pair exists
 * @param shippedThreshold the model's calibrated threshold (AT&amp;T, FMR 1e-3)
 * @param duplicateGate enrolment refuses a photo at least this similar to another person's
 *     template, so no impostor pair of enrolled templates scores at or above it: FMRs of thresholds
 *     near it are underestimated (strangers at a door pass no such gate)
 * @param appliesTo the site whose thresholds are shown, or null for the installation default
 * @param currentThreshold the threshold in force there
 * @param currentMargin the margin in force there
 * @param currentFmr the FMR of the data at the current threshold
 * @param currentFnmr the FNMR of the data at the current threshold
 * @param currentStrangerMatchProbability the open-set risk at the current threshold
 * @param currentFalseOpensPer1000Strangers the same per 1,000 strangers
 * @param scoreMin the lowest score of any pair
 * @param scoreMax the highest score of any pair
 * @param smallestResolvableFmr {@code 1 / impostorPairsUsed}
 * @param operatingPoints FMR 1e-2 .. 1e-6
 * @param curve the ROC / DET curve
 * @param histogram score histograms
 * @param fmrLimit above this estimated FMR a change needs an explicit acceptance
 * @param previewDays how many days of check-ins a preview replays
 * @param recentDecisions recorded face decisions of this model in those days (their best scores are
 *     in the histogram)
 */
public record TuningReport(
    String modelId,
    String modelVersion,
    String siteFilter,
    String departmentFilter,
    int people,
    int peopleWithTwoTemplates,
    int templates,
    long genuinePairs,
    long impostorPairsTotal,
    long impostorPairsUsed,
    boolean sampled,
    long seed,
    boolean reliable,
    String reliabilityNote,
    boolean scorable,
    double shippedThreshold,
    double duplicateGate,
    String appliesTo,
    double currentThreshold,
    double currentMargin,
    Double currentFmr,
    Double currentFnmr,
    Double currentStrangerMatchProbability,
    Double currentFalseOpensPer1000Strangers,
    Double scoreMin,
    Double scoreMax,
    Double smallestResolvableFmr,
    List<OperatingPointRow> operatingPoints,
    List<CurvePoint> curve,
    ScoreHistogram histogram,
    double fmrLimit,
    int previewDays,
    long recentDecisions) {

  /** Copies the lists. */
  public TuningReport {
    operatingPoints = List.copyOf(operatingPoints);
    curve = List.copyOf(curve);
  }
}
