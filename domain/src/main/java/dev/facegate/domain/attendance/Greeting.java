package dev.facegate.domain.attendance;

import static java.util.Objects.requireNonNull;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * What a kiosk says after a check-in: "Good morning, Ada — checked in 08:57". Pure: the caller
 * passes the local time at the kiosk's site.
 *
 * <p>Rules: the first word of the full name (people are greeted by their given name; a name of one
 * word is used whole); morning until 12:00, afternoon until 18:00, evening after (and before 05:00,
 * for night shifts); the time as 24-hour HH:mm in the site's zone.
 */
public final class Greeting {

  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

  private Greeting() {}

  /**
   * @param fullName the employee's full name
   * @param direction whether they checked in or out
   * @param localTime the check-in's time at the site
   */
  public static String of(String fullName, Direction direction, LocalTime localTime) {
    requireNonNull(fullName, "name is required");
    requireNonNull(direction, "direction is required");
    requireNonNull(localTime, "time is required");
    String name = fullName.strip();
    int space = name.indexOf(' ');
    String given = space > 0 ? name.substring(0, space) : name;
    return "Good "
        + partOfDay(localTime)
        + ", "
        + given
        + " — "
        + (direction == Direction.IN ? "checked in " : "checked out ")
        + CLOCK.format(localTime);
  }

  static String partOfDay(LocalTime time) {
    int hour = time.getHour();
    if (hour >= 5 && hour < 12) {
      return "morning";
    }
    if (hour >= 12 && hour < 18) {
      return "afternoon";
    }
    return "evening";
  }
}
