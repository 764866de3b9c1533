package dev.facegate.domain.attendance;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the day rules need from the stays whose arrival falls on one date: a fixed-size summary, so
 * the stays can be summed where they are (in SQL) and a day travels as one row.
 *
 * <p>Invariants: {@code count == 0} exactly when every instant is null and both durations are zero;
 * an open instant is set exactly when the day has an open stay; {@code lastOut} is the latest
 * departure of a closed stay.
 *
 * @param count how many stays arrived on the date
 * @param firstIn the earliest arrival, open stays included
 * @param lastOut the latest departure of a closed stay, or null when no stay closed
 * @param closed the summed length of the closed stays
 * @param gaps the summed time between consecutive closed stays (ordered by arrival)
 * @param earliestOpenIn the earliest arrival of a stay that never closed, or null
 * @param latestOpenIn the latest arrival of a stay that never closed, or null
 */
public record DayStays(
    int count,
    Instant firstIn,
    Instant lastOut,
    Duration closed,
    Duration gaps,
    Instant earliestOpenIn,
    Instant latestOpenIn) {

  /** A date on which nobody arrived. */
  public static final DayStays NONE =
      new DayStays(0, null, null, Duration.ZERO, Duration.ZERO, null, null);

  public DayStays {
    requireNonNull(closed, "closed time is required");
    requireNonNull(gaps, "gaps are required");
    if (count < 0 || (count == 0) != (firstIn == null)) {
      throw new IllegalArgumentException(
          "a day with " + count + " stays needs a first arrival exactly when count > 0");
    }
    if ((earliestOpenIn == null) != (latestOpenIn == null)) {
      throw new IllegalArgumentException("open arrivals come as a pair");
    }
  }

  /**
   * Sums stays the way {@link AttendanceRules} reads them.
   *
   * @param stays the stays of one date, ordered by arrival
   */
  public static DayStays of(List<Stay> stays) {
    requireNonNull(stays, "stays are required");
    if (stays.isEmpty()) {
      return NONE;
    }
    Instant lastOut = null;
    Instant earliestOpen = null;
    Instant latestOpen = null;
    Duration closed = Duration.ZERO;
    Duration gaps = Duration.ZERO;
    Instant previousOut = null;
    for (Stay stay : stays) {
      if (stay.open()) {
        earliestOpen = earliestOpen == null ? stay.in() : earliestOpen;
        latestOpen = stay.in();
        continue;
      }
      closed = closed.plus(stay.length());
      if (previousOut != null && stay.in().isAfter(previousOut)) {
        gaps = gaps.plus(Duration.between(previousOut, stay.in()));
      }
      previousOut = stay.out();
      if (lastOut == null || stay.out().isAfter(lastOut)) {
        lastOut = stay.out();
      }
    }
    return new DayStays(
        stays.size(), stays.get(0).in(), lastOut, closed, gaps, earliestOpen, latestOpen);
  }

  public boolean isEmpty() {
    return count == 0;
  }

  /** Whether a stay of this date is open and still young enough to close (the person is in). */
  public boolean openSince(Instant now, Duration longestStay) {
    return latestOpenIn != null && Duration.between(latestOpenIn, now).compareTo(longestStay) < 0;
  }

  /** Whether a stay of this date is open and too old to close any more (INCOMPLETE). */
  public boolean neverClosed(Instant now, Duration longestStay) {
    return earliestOpenIn != null
        && Duration.between(earliestOpenIn, now).compareTo(longestStay) >= 0;
  }
}
