package dev.facegate.domain.attendance;

import static dev.facegate.domain.attendance.Direction.IN;
import static dev.facegate.domain.attendance.Direction.OUT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AttendanceRulesTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final Duration LONGEST = Duration.ofHours(16);
  private static final Instant LATER = Instant.parse("2027-06-01T00:00:00Z");

  private static final Shift DAY = new Shift("Day", LocalTime.of(9, 0), LocalTime.of(17, 0), 30, 5);
  private static final Shift NIGHT =
      new Shift("Night", LocalTime.of(22, 0), LocalTime.of(6, 0), 30, 5);

  private static Instant at(String localDateTime) {
    return java.time.LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
  }

  private static Passage in(String local) {
    return Passage.face(at(local), IN);
  }

  private static Passage out(String local) {
    return Passage.face(at(local), OUT);
  }

  private static AttendanceDay one(DayPlan plan, List<Passage> passages) {
    return one(plan, passages, LATER);
  }

  private static AttendanceDay one(DayPlan plan, List<Passage> passages, Instant now) {
    List<AttendanceDay> days = AttendanceRules.days(List.of(plan), BERLIN, passages, now, LONGEST);
    assertThat(days).hasSize(1);
    return days.get(0);
  }

  private static DayPlan dayShift(String date) {
    LocalDate d = LocalDate.parse(date);
    return DayPlan.working(d, DAY.on(d, BERLIN));
  }

  @Test
  void onTimeDayWithBreakTakenAtWork() {
    AttendanceDay day =
        one(dayShift("2026-11-02"), List.of(in("2026-11-02T08:58"), out("2026-11-02T17:01")));
    assertThat(day.status()).isEqualTo(DayStatus.PRESENT);
    assertThat(day.firstIn()).isEqualTo(at("2026-11-02T08:58"));
    assertThat(day.lastOut()).isEqualTo(at("2026-11-02T17:01"));
    assertThat(day.workedMinutes()).isEqualTo(8 * 60 + 3 - 30);
    assertThat(day.lateMinutes()).isZero();
    assertThat(day.earlyLeaveMinutes()).isZero();
    assertThat(day.overtimeMinutes()).isEqualTo(3);
    assertThat(day.corrected()).isFalse();
  }

  @Test
  void lateBeyondGraceCountsFromShiftStartAndEarlyLeaveToShiftEnd() {
    AttendanceDay day =
        one(dayShift("2026-11-02"), List.of(in("2026-11-02T09:20"), out("2026-11-02T16:00")));
    assertThat(day.status()).isEqualTo(DayStatus.LATE);
    assertThat(day.lateMinutes()).isEqualTo(20);
    assertThat(day.earlyLeaveMinutes()).isEqualTo(60);
    assertThat(day.workedMinutes()).isEqualTo(6 * 60 + 40 - 30);
    assertThat(day.overtimeMinutes()).isZero();
  }

  @Test
  void lateWithinGraceIsOnTime() {
    AttendanceDay day =
        one(dayShift("2026-11-02"), List.of(in("2026-11-02T09:05"), out("2026-11-02T16:56")));
    assertThat(day.status()).isEqualTo(DayStatus.PRESENT);
    assertThat(day.lateMinutes()).isZero();
    assertThat(day.earlyLeaveMinutes()).isZero();
  }

  @Test
  void lunchOutsideCountsTowardsTheBreak() {
    AttendanceDay day =
        one(
            dayShift("2026-11-02"),
            List.of(
                in("2026-11-02T09:00"),
                out("2026-11-02T12:00"),
                in("2026-11-02T12:45"),
                out("2026-11-02T17:00")));
    // 3 h + 4 h 15 worked; the 45 min gap covers the 30 min break, nothing more is deducted
    assertThat(day.workedMinutes()).isEqualTo(7 * 60 + 15);
    assertThat(day.status()).isEqualTo(DayStatus.PRESENT);
  }

  @Test
  void overnightShiftIsOneDayOfItsArrival() {
    LocalDate monday = LocalDate.parse("2026-11-02");
    List<DayPlan> plans =
        List.of(
            DayPlan.working(monday, NIGHT.on(monday, BERLIN)),
            DayPlan.working(monday.plusDays(1), NIGHT.on(monday.plusDays(1), BERLIN)));
    List<AttendanceDay> days =
        AttendanceRules.days(
            plans,
            BERLIN,
            List.of(in("2026-11-02T21:55"), out("2026-11-03T06:02")),
            Instant.parse("2026-11-04T12:00:00Z"),
            LONGEST);
    assertThat(days.get(0).status()).isEqualTo(DayStatus.PRESENT);
    assertThat(days.get(0).workedMinutes()).isEqualTo(8 * 60 + 7 - 30);
    assertThat(days.get(0).lastOut()).isEqualTo(at("2026-11-03T06:02"));
    assertThat(days.get(1).status()).isEqualTo(DayStatus.ABSENT);
  }

  @Test
  void missingOutIsIncompleteOnceTheStayCanNoLongerClose() {
    List<Passage> passages = List.of(in("2026-11-02T09:00"));
    AttendanceDay past = one(dayShift("2026-11-02"), passages);
    assertThat(past.status()).isEqualTo(DayStatus.INCOMPLETE);
    assertThat(past.lastOut()).isNull();
    assertThat(past.workedMinutes()).isZero();
    assertThat(past.presentNow()).isFalse();

    AttendanceDay today = one(dayShift("2026-11-02"), passages, at("2026-11-02T11:00"));
    assertThat(today.status()).isEqualTo(DayStatus.PRESENT);
    assertThat(today.presentNow()).isTrue();
  }

  @Test
  void missingOutFollowedByNextDayIsIncompleteAndNextDayStandsAlone() {
    LocalDate monday = LocalDate.parse("2026-11-02");
    List<AttendanceDay> days =
        AttendanceRules.days(
            List.of(
                DayPlan.working(monday, DAY.on(monday, BERLIN)),
                DayPlan.working(monday.plusDays(1), DAY.on(monday.plusDays(1), BERLIN))),
            BERLIN,
            List.of(in("2026-11-02T09:00"), in("2026-11-03T09:00"), out("2026-11-03T17:00")),
            LATER,
            LONGEST);
    assertThat(days.get(0).status()).isEqualTo(DayStatus.INCOMPLETE);
    assertThat(days.get(1).status()).isEqualTo(DayStatus.PRESENT);
    assertThat(days.get(1).workedMinutes()).isEqualTo(8 * 60 - 30);
  }

  @Test
  void doubleInKeepsTheEarlierArrivalAndDoubleOutTheLaterDeparture() {
    AttendanceDay day =
        one(
            dayShift("2026-11-02"),
            List.of(
                in("2026-11-02T08:50"),
                in("2026-11-02T08:52"),
                out("2026-11-02T17:00"),
                out("2026-11-02T17:10")));
    assertThat(day.firstIn()).isEqualTo(at("2026-11-02T08:50"));
    assertThat(day.lastOut()).isEqualTo(at("2026-11-02T17:10"));
    assertThat(day.workedMinutes()).isEqualTo(8 * 60 + 20 - 30);
    assertThat(day.status()).isEqualTo(DayStatus.PRESENT);
  }

  @Test
  void resultDoesNotDependOnInputOrder() {
    List<Passage> passages =
        new ArrayList<>(
            List.of(
                in("2026-11-02T08:50"),
                in("2026-11-02T08:52"),
                out("2026-11-02T12:00"),
                Passage.door(at("2026-11-02T12:00")),
                in("2026-11-02T12:30"),
                out("2026-11-02T17:10")));
    AttendanceDay expected = one(dayShift("2026-11-02"), passages);
    for (int i = 0; i < 5; i++) {
      Collections.shuffle(passages, new java.util.Random(i));
      assertThat(one(dayShift("2026-11-02"), passages)).isEqualTo(expected);
    }
  }

  @Test
  void doorPassagesCountAsPresenceFirstToLast() {
    AttendanceDay day =
        one(
            dayShift("2026-11-02"),
            List.of(
                Passage.door(at("2026-11-02T08:55")),
                Passage.door(at("2026-11-02T12:00")),
                Passage.door(at("2026-11-02T12:40")),
                Passage.door(at("2026-11-02T17:05"))));
    assertThat(day.firstIn()).isEqualTo(at("2026-11-02T08:55"));
    assertThat(day.lastOut()).isEqualTo(at("2026-11-02T17:05"));
    assertThat(day.workedMinutes()).isEqualTo(8 * 60 + 10 - 30);
    assertThat(day.status()).isEqualTo(DayStatus.PRESENT);
  }

  @Test
  void aDoorPassageDuringAKioskStayIsIgnored() {
    AttendanceDay day =
        one(
            dayShift("2026-11-02"),
            List.of(
                Passage.door(at("2026-11-02T08:59")),
                in("2026-11-02T09:00"),
                Passage.door(at("2026-11-02T13:00")),
                out("2026-11-02T17:00"),
                Passage.door(at("2026-11-02T17:01"))));
    assertThat(day.firstIn()).isEqualTo(at("2026-11-02T08:59"));
    assertThat(day.lastOut()).isEqualTo(at("2026-11-02T17:00"));
    assertThat(day.status()).isEqualTo(DayStatus.PRESENT);
  }

  @Test
  void correctionOverridesTheMissingDepartureAndIsMarked() {
    DayCorrection forgot =
        new DayCorrection(null, at("2026-11-02T17:30"), "forgot to check out", "hr1");
    AttendanceDay day =
        one(dayShift("2026-11-02").withCorrection(forgot), List.of(in("2026-11-02T08:58")));
    assertThat(day.status()).isEqualTo(DayStatus.PRESENT);
    assertThat(day.corrected()).isTrue();
    assertThat(day.firstIn()).isEqualTo(at("2026-11-02T08:58"));
    assertThat(day.lastOut()).isEqualTo(at("2026-11-02T17:30"));
    assertThat(day.workedMinutes()).isEqualTo(8 * 60 + 32 - 30);
    assertThat(day.overtimeMinutes()).isEqualTo(32);
  }

  @Test
  void correctionOfBothTimesReplacesTheRecordedStays() {
    DayCorrection both =
        new DayCorrection(
            at("2026-11-02T09:00"), at("2026-11-02T17:00"), "badge reader broken", "hr1");
    AttendanceDay day =
        one(
            dayShift("2026-11-02").withCorrection(both),
            List.of(in("2026-11-02T10:30"), out("2026-11-02T11:00")));
    assertThat(day.status()).isEqualTo(DayStatus.PRESENT);
    assertThat(day.lateMinutes()).isZero();
    assertThat(day.workedMinutes()).isEqualTo(8 * 60 - 30);
  }

  @Test
  void correctionGivesAnAbsentDayItsTimes() {
    DayCorrection both =
        new DayCorrection(at("2026-11-02T09:30"), at("2026-11-02T17:00"), "kiosk down", "hr1");
    AttendanceDay day = one(dayShift("2026-11-02").withCorrection(both), List.of());
    assertThat(day.status()).isEqualTo(DayStatus.LATE);
    assertThat(day.lateMinutes()).isEqualTo(30);
    assertThat(day.corrected()).isTrue();
  }

  @Test
  void nightShiftOverTheAutumnDstChangeIsOneHourLonger() {
    // Berlin leaves summer time on 2026-10-25 at 03:00 (clocks go back to 02:00)
    LocalDate saturday = LocalDate.parse("2026-10-24");
    PlannedShift planned = NIGHT.on(saturday, BERLIN);
    assertThat(Duration.between(planned.start(), planned.end())).isEqualTo(Duration.ofHours(9));
    AttendanceDay day =
        one(
            DayPlan.working(saturday, planned),
            List.of(in("2026-10-24T22:00"), out("2026-10-25T06:00")));
    assertThat(day.workedMinutes()).isEqualTo(9 * 60 - 30);
    assertThat(day.overtimeMinutes()).isZero();
    assertThat(day.earlyLeaveMinutes()).isZero();
    assertThat(day.status()).isEqualTo(DayStatus.PRESENT);
  }

  @Test
  void nightShiftOverTheSpringDstChangeIsOneHourShorter() {
    LocalDate saturday = LocalDate.parse("2026-03-28");
    PlannedShift planned = NIGHT.on(saturday, BERLIN);
    assertThat(Duration.between(planned.start(), planned.end())).isEqualTo(Duration.ofHours(7));
    AttendanceDay day =
        one(
            DayPlan.working(saturday, planned),
            List.of(in("2026-03-28T22:00"), out("2026-03-29T06:00")));
    assertThat(day.workedMinutes()).isEqualTo(7 * 60 - 30);
  }

  @Test
  void dstDayBelongsToItsLocalDateNotTheUtcOne() {
    // 00:30 local on the spring change day is 23:30 UTC of the day before
    LocalDate sunday = LocalDate.parse("2026-03-29");
    Shift early = new Shift("Early", LocalTime.of(0, 30), LocalTime.of(8, 30), 30, 5);
    AttendanceDay day =
        one(
            DayPlan.working(sunday, early.on(sunday, BERLIN)),
            List.of(in("2026-03-29T00:25"), out("2026-03-29T08:30")));
    assertThat(day.status()).isEqualTo(DayStatus.PRESENT);
    // 00:25 to 08:30 local is 7 h 05 in real time on the 23-hour day
    assertThat(day.workedMinutes()).isEqualTo(7 * 60 + 5 - 30);
  }

  @Test
  void leaveAndHolidayAreNotAbsences() {
    AttendanceDay leave = one(dayShift("2026-11-02").withLeave(LeaveKind.SICK), List.of());
    assertThat(leave.status()).isEqualTo(DayStatus.ON_LEAVE);
    assertThat(leave.workedMinutes()).isZero();
    AttendanceDay holiday = one(dayShift("2026-11-02").withHoliday("Founders' day"), List.of());
    assertThat(holiday.status()).isEqualTo(DayStatus.HOLIDAY);
  }

  @Test
  void workOnAHolidayIsAllOvertime() {
    AttendanceDay holiday =
        one(
            dayShift("2026-11-02").withHoliday("Founders' day"),
            List.of(in("2026-11-02T10:00"), out("2026-11-02T14:00")));
    assertThat(holiday.status()).isEqualTo(DayStatus.HOLIDAY);
    assertThat(holiday.workedMinutes()).isEqualTo(4 * 60 - 30);
    assertThat(holiday.overtimeMinutes()).isEqualTo(4 * 60 - 30);
    assertThat(holiday.lateMinutes()).isZero();
  }

  @Test
  void absentOnlyAfterStartPlusGrace() {
    DayPlan plan = dayShift("2026-11-02");
    assertThat(one(plan, List.of(), at("2026-11-02T09:04")).status()).isEqualTo(DayStatus.EXPECTED);
    assertThat(one(plan, List.of(), at("2026-11-02T09:06")).status()).isEqualTo(DayStatus.ABSENT);
  }

  @Test
  void employeeStartingMidMonthHasDaysOffBeforeNotAbsences() {
    WeeklyPattern week =
        new WeeklyPattern(
            "Office",
            Map.of(
                DayOfWeek.MONDAY, DAY,
                DayOfWeek.TUESDAY, DAY,
                DayOfWeek.WEDNESDAY, DAY,
                DayOfWeek.THURSDAY, DAY,
                DayOfWeek.FRIDAY, DAY));
    List<ScheduleAssignment> assignments =
        List.of(ScheduleAssignment.ofEmployee(week, 7, LocalDate.parse("2026-11-16"), null));
    List<DayPlan> plans = new ArrayList<>();
    for (LocalDate d = LocalDate.parse("2026-11-01");
        d.isBefore(LocalDate.parse("2026-12-01"));
        d = d.plusDays(1)) {
      LocalDate date = d;
      plans.add(
          new DayPlan(
              date,
              ScheduleResolver.shiftOn(assignments, 7, date)
                  .map(s -> s.on(date, BERLIN))
                  .orElse(null),
              null,
              null,
              null));
    }
    List<AttendanceDay> days =
        AttendanceRules.days(
            plans,
            BERLIN,
            List.of(in("2026-11-16T09:00"), out("2026-11-16T17:00")),
            LATER,
            LONGEST);
    assertThat(days).hasSize(30);
    assertThat(days.subList(0, 15)).allMatch(d -> d.status() == DayStatus.DAY_OFF);
    assertThat(days.get(15).status()).isEqualTo(DayStatus.PRESENT);
    // 16-30 Nov: 11 working days, the first worked, the other 10 absent; weekends off
    assertThat(days.stream().filter(d -> d.status() == DayStatus.ABSENT)).hasSize(10);
    assertThat(days.stream().filter(d -> d.status() == DayStatus.DAY_OFF)).hasSize(19);
  }

  @Test
  void dayOffWithWorkIsPresentAndAllOvertime() {
    AttendanceDay day =
        one(
            new DayPlan(LocalDate.parse("2026-11-07"), null, null, null, null),
            List.of(in("2026-11-07T10:00"), out("2026-11-07T12:00")));
    assertThat(day.status()).isEqualTo(DayStatus.PRESENT);
    assertThat(day.workedMinutes()).isEqualTo(120);
    assertThat(day.overtimeMinutes()).isEqualTo(120);
  }
}
