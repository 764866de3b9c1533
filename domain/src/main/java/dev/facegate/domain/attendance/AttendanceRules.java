package dev.facegate.domain.attendance;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes attendance days from passages and plans. Pure: time comes in as {@code now}.
 *
 * <p>Rules (written out for HR in the README's "Reports" section):
 *
 * <ul>
 *   <li>Passages become stays by {@link Pairing}; a stay belongs to the local date of its arrival
 *       in the site's zone, so a night shift is one day even though it crosses midnight.
 *   <li>A correction replaces the day's first arrival and/or last departure; the day then counts
 *       one stay from the (corrected) arrival to the (corrected) departure.
 *   <li>Worked time is the sum of the closed stays minus the part of the shift's break that was not
 *       already taken as a gap between stays. Open stays add nothing.
 *   <li>Late: the first arrival after shift start plus grace; counted from shift start. Early
 *       leave: the last departure before shift end minus grace; counted to shift end.
 *   <li>Overtime: worked minus planned (shift length minus break), when positive; on a day without
 *       a shift, on leave or on a holiday, every worked minute.
 *   <li>Status, first match wins: ON_LEAVE, HOLIDAY, DAY_OFF (no shift and no stay), INCOMPLETE (a
 *       stay that can no longer close), EXPECTED / ABSENT (no stay; before or after start plus
 *       grace), LATE, PRESENT. A day without a shift but with stays is PRESENT.
 * </ul>
 */
public final class AttendanceRules {

  private AttendanceRules() {}

  /**
   * Attendance for each planned date.
   *
   * @param plans one plan per date to report, in any order
   * @param zone the employee's site zone
   * @param passages the employee's accepted passages from a day before the first date to {@code
   *     longestStay} after the last one
   * @param now the current time (open stays younger than {@code longestStay} are still at work)
   * @param longestStay the longest a stay may last
   * @return one day per plan, ordered by date
   */
  public static List<AttendanceDay> days(
      List<DayPlan> plans, ZoneId zone, List<Passage> passages, Instant now, Duration longestStay) {
    return days(plans, staysByDate(passages, zone, longestStay), now, longestStay);
  }

  /**
   * Attendance for each planned date from stays already summed per date (by {@link #staysByDate} or
   * by the database).
   *
   * @param plans one plan per date to report, in any order
   * @param stays the stays of each date; a date missing from the map had none
   * @return one day per plan, ordered by date
   */
  public static List<AttendanceDay> days(
      List<DayPlan> plans, Map<LocalDate, DayStays> stays, Instant now, Duration longestStay) {
    requireNonNull(plans, "plans are required");
    requireNonNull(stays, "stays are required");
    return plans.stream()
        .sorted(Comparator.comparing(DayPlan::date))
        .map(p -> day(p, stays.getOrDefault(p.date(), DayStays.NONE), now, longestStay))
        .toList();
  }

  /**
   * Pairs passages into stays and sums them per local date of arrival in {@code zone}: a stay
   * belongs to the date it began, so a night shift is one day although it crosses midnight.
   */
  public static Map<LocalDate, DayStays> staysByDate(
      List<Passage> passages, ZoneId zone, Duration longestStay) {
    requireNonNull(zone, "zone is required");
    Map<LocalDate, List<Stay>> byDate = new HashMap<>();
    for (Stay stay : Pairing.stays(passages, longestStay)) {
      byDate
          .computeIfAbsent(LocalDate.ofInstant(stay.in(), zone), d -> new ArrayList<>())
          .add(stay);
    }
    Map<LocalDate, DayStays> summed = new HashMap<>();
    byDate.forEach((date, list) -> summed.put(date, DayStays.of(list)));
    return summed;
  }

  /**
   * One day.
   *
   * @param plan what was expected, with the correction if any
   * @param stays the stays whose arrival falls on the plan's date, ordered by arrival
   */
  public static AttendanceDay day(
      DayPlan plan, List<Stay> stays, Instant now, Duration longestStay) {
    requireNonNull(stays, "stays are required");
    return day(plan, DayStays.of(stays), now, longestStay);
  }

  /**
   * One day from the summed stays of its date.
   *
   * @param plan what was expected, with the correction if any
   * @param stays the stays whose arrival falls on the plan's date
   */
  public static AttendanceDay day(DayPlan plan, DayStays stays, Instant now, Duration longestStay) {
    requireNonNull(plan, "plan is required");
    requireNonNull(stays, "stays are required");
    requireNonNull(now, "now is required");
    DayStays effective = stays;
    DayCorrection correction = plan.correction();
    if (correction != null) {
      Instant in = correction.in() != null ? correction.in() : stays.firstIn();
      Instant out = correction.out() != null ? correction.out() : stays.lastOut();
      if (in != null && out != null && !out.isAfter(in)) {
        out =
            null; // the kept recorded departure precedes the corrected arrival: it no longer counts
      }
      effective = in == null ? DayStays.NONE : DayStays.of(List.of(new Stay(in, out)));
    }
    boolean presentNow = effective.openSince(now, longestStay);
    boolean incomplete = effective.neverClosed(now, longestStay);
    Duration worked = effective.closed();
    PlannedShift shift = plan.shift();
    if (shift != null && !worked.isZero()) {
      Duration unpaid = Duration.ofMinutes(shift.breakMinutes()).minus(effective.gaps());
      if (unpaid.isPositive()) {
        worked = worked.minus(unpaid);
        if (worked.isNegative()) {
          worked = Duration.ZERO;
        }
      }
    }
    Instant firstIn = effective.firstIn();
    Instant lastOut = presentNow || incomplete ? null : effective.lastOut();
    long late = 0;
    long early = 0;
    long overtime = worked.toMinutes();
    if (shift != null && plan.leave() == null && plan.holiday() == null) {
      Duration grace = Duration.ofMinutes(shift.graceMinutes());
      if (firstIn != null && firstIn.isAfter(shift.start().plus(grace))) {
        late = Duration.between(shift.start(), firstIn).toMinutes();
      }
      if (lastOut != null && lastOut.isBefore(shift.end().minus(grace))) {
        early = Duration.between(lastOut, shift.end()).toMinutes();
      }
      overtime = Math.max(0, worked.minus(shift.planned()).toMinutes());
    }
    DayStatus status;
    if (plan.leave() != null) {
      status = DayStatus.ON_LEAVE;
    } else if (plan.holiday() != null) {
      status = DayStatus.HOLIDAY;
    } else if (shift == null && effective.isEmpty()) {
      status = DayStatus.DAY_OFF;
    } else if (incomplete) {
      status = DayStatus.INCOMPLETE;
    } else if (effective.isEmpty()) {
      Duration grace = Duration.ofMinutes(shift.graceMinutes());
      status = now.isAfter(shift.start().plus(grace)) ? DayStatus.ABSENT : DayStatus.EXPECTED;
    } else if (late > 0) {
      status = DayStatus.LATE;
    } else {
      status = DayStatus.PRESENT;
    }
    return new AttendanceDay(
        plan.date(),
        status,
        shift == null ? null : shift.name(),
        firstIn,
        lastOut,
        worked.toMinutes(),
        late,
        early,
        overtime,
        correction != null,
        presentNow);
  }
}
