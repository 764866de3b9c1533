package dev.facegate.domain.attendance;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * A shift as planned on one date: its start and end as instants, computed in the site's zone.
 *
 * @param name the shift's name
 * @param start when it starts
 * @param end when it ends (the next day for an overnight shift)
 * @param breakMinutes unpaid break inside the shift
 * @param graceMinutes lateness or early leave up to this many minutes does not count
 */
public record PlannedShift(
    String name, Instant start, Instant end, int breakMinutes, int graceMinutes) {

  public PlannedShift {
    requireNonNull(name, "name is required");
    requireNonNull(start, "start is required");
    requireNonNull(end, "end is required");
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("a shift must end after it starts");
    }
    if (breakMinutes < 0 || graceMinutes < 0) {
      throw new IllegalArgumentException("break and grace minutes cannot be negative");
    }
  }

  /**
   * The shift on {@code date} in {@code zone}. A shift whose end is not after its start is
   * overnight and ends on the next date. Local times that a daylight-saving change skips or repeats
   * resolve as {@link java.time.ZonedDateTime#of} does (a skipped time moves forward by the gap, a
   * repeated one takes the earlier offset), so a night shift over the change is one hour shorter or
   * longer in real time, which is what people work.
   */
  public static PlannedShift on(
      LocalDate date,
      ZoneId zone,
      String name,
      LocalTime start,
      LocalTime end,
      int breakMinutes,
      int graceMinutes) {
    LocalDate endDate = end.isAfter(start) ? date : date.plusDays(1);
    return new PlannedShift(
        name,
        date.atTime(start).atZone(zone).toInstant(),
        endDate.atTime(end).atZone(zone).toInstant(),
        breakMinutes,
        graceMinutes);
  }

  /** Planned working time: the shift's length in real time minus its break. */
  public Duration planned() {
    Duration length = Duration.between(start, end).minusMinutes(breakMinutes);
    return length.isNegative() ? Duration.ZERO : length;
  }
}
