package dev.facegate.web.attendance;

import dev.facegate.attendance.boundary.DailyRow;
import dev.facegate.domain.attendance.DayStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How attendance pages show times, durations and statuses ({@code #{af...}}). */
@Named("af")
@ApplicationScoped
public class AttendanceFormats {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
  private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm");

  /** A local time, with the date when it is not the row's date (night shifts); a dash for none. */
  public String time(DailyRow row, LocalDateTime t) {
    if (t == null) {
      return "—";
    }
    return t.toLocalDate().equals(row.date()) ? TIME.format(t) : DAY_TIME.format(t);
  }

  /** "7:33" for 453 minutes; a dash for none. */
  public String hours(long minutes) {
    return minutes == 0 ? "—" : String.format(Locale.ROOT, "%d:%02d", minutes / 60, minutes % 60);
  }

  /** The PrimeFaces tag severity of a status. */
  public String severity(DayStatus s) {
    return switch (s) {
      case PRESENT -> "success";
      case LATE -> "warning";
      case ABSENT, INCOMPLETE -> "danger";
      case ON_LEAVE, HOLIDAY -> "info";
      default -> "secondary";
    };
  }
}
