package dev.facegate.domain.attendance;

/** Whether a check-in starts or ends a stay at the site. */
public enum Direction {
  /** Arriving: clocking in. */
  IN,
  /** Leaving: clocking out. */
  OUT;

  /** The other direction. */
  public Direction opposite() {
    return this == IN ? OUT : IN;
  }
}
