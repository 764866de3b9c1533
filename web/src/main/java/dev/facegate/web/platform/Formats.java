package dev.facegate.web.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the console writes times and scores, the same on every page. */
@Named("fmt")
@ApplicationScoped
public class Formats {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

  /** A time in the server's zone, or a dash. */
  public String time(Instant instant) {
    return instant == null ? "—" : TIME.format(instant);
  }

  /** A similarity to three decimals, or a dash. */
  public String score(Double score) {
    return score == null ? "—" : String.format(Locale.ROOT, "%.3f", score);
  }
}
