package dev.facegate.domain.attendance;

/** Whether a check-in's face was checked for liveness, and how that ended. */
public enum LivenessCheck {
  /**
   * Nothing checked: a single door frame, a kiosk with its challenge switched off, a badge, or no
   * face to check.
   */
  NOT_CHECKED,
  /** The passive motion check or the head-turn challenge passed. */
  PASSED,
  /** The check refused the face; the check-in's outcome is then {@code LIVENESS_FAILED}. */
  FAILED
}
