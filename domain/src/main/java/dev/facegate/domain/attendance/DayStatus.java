package dev.facegate.domain.attendance;

/** What an employee's attendance day came to, in the order the rules test them. */
public enum DayStatus {
  /** On approved leave (vacation, sick, other); no attendance expected. */
  ON_LEAVE,
  /** A public holiday of the employee's site; no attendance expected. */
  HOLIDAY,
  /** No shift planned (weekend, no schedule yet, before the employee started). */
  DAY_OFF,
  /** Worked, on time (within the grace minutes). */
  PRESENT,
  /** Worked, first arrival later than shift start plus grace. */
  LATE,
  /** An arrival whose stay never closed: no OUT within the longest stay, or at the day's end. */
  INCOMPLETE,
  /** A shift was planned and is over (or its grace has passed) and nobody came. */
  ABSENT,
  /** A shift is planned later today: nothing to say yet. */
  EXPECTED
}
