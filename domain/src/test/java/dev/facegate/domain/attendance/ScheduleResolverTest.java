package dev.facegate.domain.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScheduleResolverTest {

  private static final Shift EARLY =
      new Shift("Early", LocalTime.of(6, 0), LocalTime.of(14, 0), 30, 5);
  private static final Shift LATE =
      new Shift("Late", LocalTime.of(14, 0), LocalTime.of(22, 0), 30, 5);
  private static final WeeklyPattern EARLY_WEEK =
      new WeeklyPattern("Early week", Map.of(DayOfWeek.MONDAY, EARLY));
  private static final WeeklyPattern LATE_WEEK =
      new WeeklyPattern("Late week", Map.of(DayOfWeek.MONDAY, LATE));
  private static final LocalDate MONDAY = LocalDate.parse("2026-11-09");

  @Test
  void employeeAssignmentBeatsDepartmentAssignment() {
    List<ScheduleAssignment> all =
        List.of(
            ScheduleAssignment.ofDepartment(LATE_WEEK, "Ops", LocalDate.parse("2026-11-01"), null),
            ScheduleAssignment.ofEmployee(EARLY_WEEK, 1, LocalDate.parse("2026-10-01"), null));
    assertThat(ScheduleResolver.shiftOn(all, 1, MONDAY)).contains(EARLY);
    assertThat(ScheduleResolver.shiftOn(all, 2, MONDAY)).contains(LATE);
  }

  @Test
  void laterEffectiveDateWinsAndEndedAssignmentsDoNotApply() {
    List<ScheduleAssignment> all =
        List.of(
            ScheduleAssignment.ofDepartment(EARLY_WEEK, "Ops", LocalDate.parse("2026-01-01"), null),
            ScheduleAssignment.ofDepartment(
                LATE_WEEK, "Ops", LocalDate.parse("2026-11-05"), LocalDate.parse("2026-11-08")));
    assertThat(ScheduleResolver.shiftOn(all, 1, MONDAY)).contains(EARLY);
    assertThat(ScheduleResolver.shiftOn(all, 1, MONDAY.minusWeeks(1))).contains(EARLY);
    assertThat(ScheduleResolver.shiftOn(all, 1, MONDAY.plusDays(1))).isEmpty();
  }

  @Test
  void noAssignmentMeansNoShift() {
    assertThat(ScheduleResolver.shiftOn(List.of(), 1, MONDAY)).isEmpty();
  }

  @Test
  void shiftGuardsItsInvariants() {
    assertThatThrownBy(() -> new Shift(" ", LocalTime.NOON, LocalTime.MIDNIGHT, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Shift("x", LocalTime.NOON, LocalTime.NOON, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Shift("x", LocalTime.of(9, 0), LocalTime.of(10, 0), 60, 0))
        .hasMessageContaining("break");
    assertThat(new Shift("n", LocalTime.of(22, 0), LocalTime.of(6, 0), 0, 0).isOvernight())
        .isTrue();
  }
}
