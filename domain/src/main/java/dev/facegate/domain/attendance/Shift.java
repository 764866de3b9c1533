package dev.facegate.domain.attendance;

import static java.util.Objects.requireNonNull;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * A named shift in local time: start, end (before or at the start for an overnight shift), unpaid
 * break, and the grace minutes for late arrival and early leave.
 */
@Entity
@Table(name = "work_shift")
public class Shift {

  /** Longest break or grace an administrator may set (a whole day). */
  public static final int MAX_MINUTES = 24 * 60;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 100)
  private String name;

  @Column(name = "start_time", nullable = false)
  private LocalTime start;

  @Column(name = "end_time", nullable = false)
  private LocalTime end;

  @Column(name = "break_minutes", nullable = false)
  private int breakMinutes;

  @Column(name = "grace_minutes", nullable = false)
  private int graceMinutes;

  @Version private long version;

  /** For JPA only. */
  protected Shift() {}

  public Shift(String name, LocalTime start, LocalTime end, int breakMinutes, int graceMinutes) {
    change(name, start, end, breakMinutes, graceMinutes);
  }

  /**
   * Changes every field at once, so the invariants are checked together.
   *
   * @throws IllegalArgumentException for a blank name, equal start and end, or minutes out of range
   */
  public final void change(
      String name, LocalTime start, LocalTime end, int breakMinutes, int graceMinutes) {
    requireNonNull(name, "name is required");
    requireNonNull(start, "start is required");
    requireNonNull(end, "end is required");
    if (name.isBlank() || name.strip().length() > 100) {
      throw new IllegalArgumentException("A shift name of 1 to 100 characters is required.");
    }
    if (start.equals(end)) {
      throw new IllegalArgumentException("A shift cannot start and end at the same time.");
    }
    if (breakMinutes < 0 || breakMinutes > MAX_MINUTES || graceMinutes < 0 || graceMinutes > 240) {
      throw new IllegalArgumentException(
          "Break minutes must be 0 to " + MAX_MINUTES + " and grace minutes 0 to 240.");
    }
    this.name = name.strip();
    this.start = start;
    this.end = end;
    this.breakMinutes = breakMinutes;
    this.graceMinutes = graceMinutes;
    if (PlannedShift.on(LocalDate.of(2000, 1, 3), ZoneId.of("UTC"), this.name, start, end, 0, 0)
            .planned()
            .toMinutes()
        <= breakMinutes) {
      throw new IllegalArgumentException("The break must be shorter than the shift.");
    }
  }

  /** The shift as planned on {@code date} at a site in {@code zone}. */
  public PlannedShift on(LocalDate date, ZoneId zone) {
    return PlannedShift.on(date, zone, name, start, end, breakMinutes, graceMinutes);
  }

  /** Whether it ends on the next day. */
  public boolean isOvernight() {
    return !end.isAfter(start);
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public LocalTime getStart() {
    return start;
  }

  public LocalTime getEnd() {
    return end;
  }

  public int getBreakMinutes() {
    return breakMinutes;
  }

  public int getGraceMinutes() {
    return graceMinutes;
  }
}
