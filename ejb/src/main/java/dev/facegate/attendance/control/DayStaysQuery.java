package dev.facegate.attendance.control;

import static java.util.Objects.requireNonNull;

import dev.facegate.domain.attendance.DayStays;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Pairs a chunk of employees' kiosk check-ins into stays and sums them per employee and local date
 * inside PostgreSQL ({@code day-stays.sql}, window functions), so one row per employee-day crosses
 * the wire instead of every check-in. Plain JDBC on a given connection: the report computation and
 * the integration test that compares it with {@link dev.facegate.domain.attendance.Pairing} run the
 * same code.
 *
 * <p>Why the window rules give Pairing's stays: after an OUT nothing is open, so check-ins fall
 * into independent cycles of a run of INs followed by a run of OUTs. In a run of INs the first IN
 * opens the stay and later INs are double INs, unless one comes more than the longest stay after
 * the open arrival, which Pairing turns into a new stay. The query starts a new stay where an IN
 * follows the previous IN by more than the longest stay; that equals Pairing's rule as long as no
 * group of INs spans more than the longest stay, and employees with such a group are handed back.
 * In the run of OUTs, the departure is the last OUT within the longest stay of the arrival (the
 * first one closes, later ones are double OUTs); an OUT beyond it leaves the stay open, as in
 * Pairing. Door passages carry no direction and their pairing depends on the stay they might belong
 * to: employees with door passages in the period are handed back too.
 */
public final class DayStaysQuery {

  private static final String SQL = load("day-stays.sql");

  private DayStaysQuery() {}

  /**
   * The result for one chunk.
   *
   * @param days the summed stays per employee and local date of arrival, dates in the asked range
   *     only; an employee or date not in the map had no stay (unless the employee is in {@code
   *     pairInJava})
   * @param pairInJava employees whose check-ins must be paired by {@link
   *     dev.facegate.domain.attendance.Pairing} instead (door passages, or double INs spread over
   *     more than the longest stay); they have no entry in {@code days}
   */
  public record Result(Map<Long, Map<LocalDate, DayStays>> days, Set<Long> pairInJava) {}

  /**
   * Runs the query.
   *
   * @param db a PostgreSQL connection
   * @param zones each employee's site zone, keyed by employee id
   * @param from the first check-in instant to read (inclusive)
   * @param to the last check-in instant to read (exclusive)
   * @param first the first local date to return
   * @param last the last local date to return
   * @param longestStay the longest a stay may last
   */
  public static Result read(
      Connection db,
      Map<Long, ZoneId> zones,
      Instant from,
      Instant to,
      LocalDate first,
      LocalDate last,
      Duration longestStay)
      throws SQLException {
    requireNonNull(db, "connection is required");
    Long[] ids = zones.keySet().toArray(Long[]::new);
    String[] zoneIds = new String[ids.length];
    for (int i = 0; i < ids.length; i++) {
      zoneIds[i] = postgresZone(zones.get(ids[i]));
    }
    Map<Long, Map<LocalDate, DayStays>> days = new HashMap<>();
    Set<Long> inJava = new HashSet<>();
    try (PreparedStatement q = db.prepareStatement(SQL)) {
      q.setArray(1, db.createArrayOf("bigint", ids));
      q.setArray(2, db.createArrayOf("text", zoneIds));
      q.setDouble(3, longestStay.toSeconds());
      q.setObject(4, from.atOffset(ZoneOffset.UTC));
      q.setObject(5, to.atOffset(ZoneOffset.UTC));
      q.setObject(6, first);
      q.setObject(7, last);
      q.setFetchSize(2000);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          long employee = rs.getLong("employee_id");
          LocalDate date = rs.getObject("work_date", LocalDate.class);
          if (date == null) {
            inJava.add(employee);
            continue;
          }
          days.computeIfAbsent(employee, k -> new HashMap<>())
              .put(
                  date,
                  new DayStays(
                      rs.getInt("stays"),
                      instant(rs, "first_in"),
                      instant(rs, "last_out"),
                      micros(rs, "closed_micros"),
                      micros(rs, "gap_micros"),
                      instant(rs, "earliest_open_in"),
                      instant(rs, "latest_open_in")));
        }
      }
    }
    return new Result(days, inJava);
  }

  /** Whether this connection's database runs the query (PostgreSQL; H2 pairs in Java). */
  public static boolean supports(Connection db) throws SQLException {
    return "PostgreSQL".equals(db.getMetaData().getDatabaseProductName());
  }

  /**
   * The zone as PostgreSQL's {@code AT TIME ZONE} reads it. Region ids (Europe/Berlin) pass as they
   * are; a fixed offset is written in POSIX form, whose sign is the reverse of ISO 8601's:
   * PostgreSQL reads {@code '+02:00'} as two hours <em>west</em> of UTC, so +02:00 becomes {@code
   * UTC-02:00:00}.
   */
  static String postgresZone(ZoneId zone) {
    if (!zone.getRules().isFixedOffset()) {
      return zone.getId();
    }
    int seconds = zone.getRules().getOffset(Instant.EPOCH).getTotalSeconds();
    int abs = Math.abs(seconds);
    return String.format(
        Locale.ROOT,
        "UTC%s%02d:%02d:%02d",
        seconds > 0 ? "-" : "+",
        abs / 3600,
        abs / 60 % 60,
        abs % 60);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static Duration micros(ResultSet rs, String column) throws SQLException {
    return Duration.of(rs.getBigDecimal(column).longValueExact(), ChronoUnit.MICROS);
  }

  private static String load(String name) {
    try (InputStream in = DayStaysQuery.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
