package dev.facegate.domain.attendance;

import static java.util.Objects.requireNonNull;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * A site (an office, a plant) with its time zone. Employees and devices name their site; the
 * attendance day of a check-in is the local date in its site's zone, never a UTC date, so the 23-
 * and 25-hour days of a daylight-saving change are whole days.
 */
@Entity
@Table(name = "site")
public class Site {

  @Id
  @Column(length = 100)
  private String name;

  @Column(name = "time_zone", nullable = false, length = 64)
  private String timeZone;

  @Version private long version;

  /** For JPA only. */
  protected Site() {}

  /**
   * @param name the site's name as employees and devices carry it
   * @param zone its time zone, a region id such as {@code Europe/Berlin}
   */
  public Site(String name, ZoneId zone) {
    this.name = requireNonNull(name, "name is required");
    setZone(zone);
  }

  public String getName() {
    return name;
  }

  public ZoneId getZone() {
    return ZoneId.of(timeZone);
  }

  public void setZone(ZoneId zone) {
    this.timeZone = requireNonNull(zone, "zone is required").getId();
  }

  /**
   * Parses a zone as an administrator types it.
   *
   * @throws IllegalArgumentException with a readable message when it is not a known zone id
   */
  public static ZoneId parseZone(String text) {
    try {
      return ZoneId.of(requireNonNull(text, "zone is required").strip());
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a time zone; use a region such as Europe/Berlin or Asia/Jakarta.");
    }
  }
}
