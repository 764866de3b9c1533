package dev.facegate.domain.attendance;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The direction a kiosk offers first: the likely one, from the person's last check-in of the same
 * day. Pure: the caller passes the site's zone and the time from its injected clock.
 *
 * <p>Invariants: a day is a {@link LocalDate} in the site's {@link ZoneId}, never 24 hours and
 * never a UTC date, so the 23- and 25-hour days of a daylight-saving change are whole days; no
 * check-in that day, or a last one that was OUT, suggests IN; a last one that was IN suggests OUT.
 * A night shift that clocked in before midnight is therefore offered IN after midnight; the
 * suggestion is only the default button, and the person may choose the other.
 */
public final class DirectionRule {

  /**
   * The person's most recent check-in that carries a direction.
   *
   * @param at when it happened
   * @param direction the direction it recorded
   */
  public record LastCheckIn(Instant at, Direction direction) {

    public LastCheckIn {
      requireNonNull(at, "time is required");
      requireNonNull(direction, "direction is required");
    }
  }

  private DirectionRule() {}

  /**
   * The likely direction of a check-in at {@code now}.
   *
   * @param site the zone of the site whose kiosk asks
   * @param now the time of the new check-in
   * @param last the person's most recent check-in with a direction, at any site, if any
   * @return OUT if {@code last} is an IN of the same local day, else IN
   */
  public static Direction likely(ZoneId site, Instant now, Optional<LastCheckIn> last) {
    requireNonNull(site, "site zone is required");
    requireNonNull(now, "time is required");
    requireNonNull(last, "last check-in is required (empty if none)");
    LocalDate today = LocalDate.ofInstant(now, site);
    return last.filter(previous -> LocalDate.ofInstant(previous.at(), site).equals(today))
        .map(previous -> previous.direction().opposite())
        .orElse(Direction.IN);
  }
}
