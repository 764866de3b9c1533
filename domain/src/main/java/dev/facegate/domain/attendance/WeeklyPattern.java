package dev.facegate.domain.attendance;

import static java.util.Objects.requireNonNull;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.DayOfWeek;
import java.util.Map;
import java.util.Optional;

/** A named week: the shift of each weekday, none for a day off. */
@Entity
@Table(name = "weekly_pattern")
public class WeeklyPattern {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 100)
  private String name;

  @ManyToOne
  @JoinColumn(name = "monday_shift_id")
  private Shift monday;

  @ManyToOne
  @JoinColumn(name = "tuesday_shift_id")
  private Shift tuesday;

  @ManyToOne
  @JoinColumn(name = "wednesday_shift_id")
  private Shift wednesday;

  @ManyToOne
  @JoinColumn(name = "thursday_shift_id")
  private Shift thursday;

  @ManyToOne
  @JoinColumn(name = "friday_shift_id")
  private Shift friday;

  @ManyToOne
  @JoinColumn(name = "saturday_shift_id")
  private Shift saturday;

  @ManyToOne
  @JoinColumn(name = "sunday_shift_id")
  private Shift sunday;

  @Version private long version;

  /** For JPA only. */
  protected WeeklyPattern() {}

  /**
   * @param name unique name
   * @param shifts the shift of each working weekday; missing days are days off
   */
  public WeeklyPattern(String name, Map<DayOfWeek, Shift> shifts) {
    rename(name);
    assign(shifts);
  }

  public final void rename(String name) {
    requireNonNull(name, "name is required");
    if (name.isBlank() || name.strip().length() > 100) {
      throw new IllegalArgumentException("A pattern name of 1 to 100 characters is required.");
    }
    this.name = name.strip();
  }

  /** Replaces the whole week; missing days become days off. */
  public final void assign(Map<DayOfWeek, Shift> shifts) {
    requireNonNull(shifts, "shifts are required (empty for a week off)");
    monday = shifts.get(DayOfWeek.MONDAY);
    tuesday = shifts.get(DayOfWeek.TUESDAY);
    wednesday = shifts.get(DayOfWeek.WEDNESDAY);
    thursday = shifts.get(DayOfWeek.THURSDAY);
    friday = shifts.get(DayOfWeek.FRIDAY);
    saturday = shifts.get(DayOfWeek.SATURDAY);
    sunday = shifts.get(DayOfWeek.SUNDAY);
  }

  public Optional<Shift> shiftOn(DayOfWeek day) {
    return Optional.ofNullable(
        switch (requireNonNull(day, "day is required")) {
          case MONDAY -> monday;
          case TUESDAY -> tuesday;
          case WEDNESDAY -> wednesday;
          case THURSDAY -> thursday;
          case FRIDAY -> friday;
          case SATURDAY -> saturday;
          case SUNDAY -> sunday;
        });
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }
}
