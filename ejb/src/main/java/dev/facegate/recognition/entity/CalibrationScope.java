package dev.facegate.recognition.entity;

import java.util.Optional;

/**
 * Which templates a calibration uses: those of one model version, optionally only of the employees
 * of one site or one department.
 *
 * @param modelVersion the model version; empty means the server's current model
 * @param site only employees of this site
 * @param department only employees of this department
 */
public record CalibrationScope(
    Optional<String> modelVersion, Optional<String> site, Optional<String> department) {

  /** Normalises blank filters to empty. */
  public CalibrationScope {
    modelVersion = blankToEmpty(modelVersion);
    site = blankToEmpty(site);
    department = blankToEmpty(department);
  }

  /** Every template of the current model. */
  public static CalibrationScope all() {
    return new CalibrationScope(Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** The scope from nullable filters (as a form or query string gives them). */
  public static CalibrationScope of(String modelVersion, String site, String department) {
    return new CalibrationScope(
        Optional.ofNullable(modelVersion),
        Optional.ofNullable(site),
        Optional.ofNullable(department));
  }

  private static Optional<String> blankToEmpty(Optional<String> value) {
    return value == null ? Optional.empty() : value.map(String::strip).filter(v -> !v.isEmpty());
  }
}
