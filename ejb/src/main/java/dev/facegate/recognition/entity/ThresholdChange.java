package dev.facegate.recognition.entity;

/**
 * A proposed operating point: either a target FMR (the threshold comes from the calibration) or a
 * typed threshold; with the margin (null keeps the one in force).
 *
 * @param site the site whose override is set, or null for the installation default
 * @param targetFmr the target FMR, or null when a threshold is typed
 * @param threshold the typed threshold, or null when a target FMR is given
 * @param margin the margin to the runner-up, or null to keep the current one
 * @param acceptHighFmr the administrator accepts an estimated FMR above the limit
 * @param scope the templates the estimate is computed on
 */
public record ThresholdChange(
    String site,
    Double targetFmr,
    Double threshold,
    Double margin,
    boolean acceptHighFmr,
    CalibrationScope scope) {

  /** Normalises a blank site to the installation default and a missing scope to all templates. */
  public ThresholdChange {
    site = site == null || site.isBlank() ? null : site.strip();
    scope = scope == null ? CalibrationScope.all() : scope;
  }
}
