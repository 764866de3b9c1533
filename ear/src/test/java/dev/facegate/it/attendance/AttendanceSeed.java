package dev.facegate.it.attendance;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * A month of attendance (October 2026, with Berlin's autumn DST change on the 25th) written
 * straight into the test database with JDBC batches: a site, employees in their own departments,
 * shifts, patterns, assignments, a holiday, leave and the check-ins. Every name carries a random
 * suffix, so the seed never meets other tests' data and reports filter on its site.
 *
 * <p>The people and what they do (the expected figures are worked out in {@code ReportsIT}):
 *
 * <ul>
 *   <li>{@code e1} day shift (department assignment), on time every working day, four kiosk
 *       check-ins a day; plus a duplicate and an UNKNOWN that must be ignored;
 *   <li>{@code e2} same pattern, late on Mondays, absent on the 14th, sick 19–20, only an IN on the
 *       22nd;
 *   <li>{@code e3} night shift Mon–Sat 22:00–06:00 (department assignment), including the DST night
 *       24→25;
 *   <li>{@code e4} starts on the 15th (own assignment), door passages only;
 *   <li>{@code e5}, {@code e6} own assignment, one lonely IN (22nd, 21st) for corrections;
 *   <li>{@code e7} no schedule, checked in an hour ago (today's view).
 * </ul>
 */
public final class AttendanceSeed {

  public static final YearMonth MONTH = YearMonth.of(2026, 10);

  /** Inserts a check-in: time, device, employee, outcome, duplicate, method, direction. */
  static final String INSERT_CHECK_IN =
      "INSERT INTO check_in (occurred_at, device_id, employee_id, outcome, door_opened,"
          + " duplicate, best_score, runner_up_score, reason, model_version, method,"
          + " direction) VALUES (?, ?, ?, ?, FALSE, ?, 0.97, 0.5, 'seed', 'seed', ?, ?)";

  static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  static final LocalDate HOLIDAY = LocalDate.of(2026, 10, 26);

  public final String suffix = UUID.randomUUID().toString().substring(0, 6);
  public final String site = "R-site-" + suffix;
  public final String dayDepartment = "R-Day-" + suffix;
  public final String nightDepartment = "R-Night-" + suffix;
  public final String newDepartment = "R-New-" + suffix;
  public final String fixDepartment = "R-Fix-" + suffix;
  public final String nowDepartment = "R-Now-" + suffix;
  public final String e1 = "R-" + suffix + "-1";
  public final String e2 = "R-" + suffix + "-2";
  public final String e3 = "R-" + suffix + "-3";
  public final String e4 = "R-" + suffix + "-4";
  public final String e5 = "R-" + suffix + "-5";
  public final String e6 = "R-" + suffix + "-6";
  public final String e7 = "R-" + suffix + "-7";
  int checkIns;

  private static AttendanceSeed instance;

  /** The seed, written once per test JVM (after the deployment migrated the schema). */
  public static synchronized AttendanceSeed get() {
    if (instance == null) {
      AttendanceSeed seed = new AttendanceSeed();
      try {
        seed.write();
      } catch (SQLException e) {
        throw new IllegalStateException("Could not seed the attendance month", e);
      }
      instance = seed;
    }
    return instance;
  }

  private void write() throws SQLException {
    try (Connection db =
        DriverManager.getConnection(
            System.getProperty("it.db.url"),
            System.getProperty("it.db.user"),
            System.getProperty("it.db.password"))) {
      db.setAutoCommit(false);
      exec(
          db, "INSERT INTO site (name, time_zone) VALUES ('" + site + "', '" + ZONE.getId() + "')");
      long device =
          id(
              db,
              "INSERT INTO device (name, kind, site, token_hash, enabled, created_at, legacy)"
                  + " VALUES ('R kiosk "
                  + suffix
                  + "', 'KIOSK', '"
                  + site
                  + "', 'r-"
                  + UUID.randomUUID()
                  + "', TRUE, now(), TRUE) RETURNING id");
      long id1 = employee(db, e1, "Rita Early", dayDepartment);
      long id2 = employee(db, e2, "Ben Late", dayDepartment);
      long id3 = employee(db, e3, "Nora Night", nightDepartment);
      long id4 = employee(db, e4, "Max Newcomer", newDepartment);
      long id5 = employee(db, e5, "Finn Forgetful", fixDepartment);
      long id6 = employee(db, e6, "Greta Forgetful", fixDepartment);
      long id7 = employee(db, e7, "Ivo Now", nowDepartment);
      long day = id(db, shift("R-" + suffix + " Day", "09:00", "17:00"));
      long night = id(db, shift("R-" + suffix + " Night", "22:00", "06:00"));
      long dayWeek =
          id(
              db,
              "INSERT INTO weekly_pattern (name, monday_shift_id, tuesday_shift_id,"
                  + " wednesday_shift_id, thursday_shift_id, friday_shift_id) VALUES ('R-"
                  + suffix
                  + " Day week', "
                  + day
                  + ", "
                  + day
                  + ", "
                  + day
                  + ", "
                  + day
                  + ", "
                  + day
                  + ") RETURNING id");
      long nightWeek =
          id(
              db,
              "INSERT INTO weekly_pattern (name, monday_shift_id, tuesday_shift_id,"
                  + " wednesday_shift_id, thursday_shift_id, friday_shift_id, saturday_shift_id)"
                  + " VALUES ('R-"
                  + suffix
                  + " Night week', "
                  + night
                  + ", "
                  + night
                  + ", "
                  + night
                  + ", "
                  + night
                  + ", "
                  + night
                  + ", "
                  + night
                  + ") RETURNING id");
      assign(db, dayWeek, null, dayDepartment, "2026-01-01");
      assign(db, nightWeek, null, nightDepartment, "2026-01-01");
      assign(db, dayWeek, id4, null, "2026-10-15");
      assign(db, dayWeek, id5, null, "2026-10-01");
      assign(db, dayWeek, id6, null, "2026-10-01");
      exec(
          db,
          "INSERT INTO public_holiday (holiday_date, name, site) VALUES ('"
              + HOLIDAY
              + "', 'R holiday', '"
              + site
              + "')");
      exec(
          db,
          "INSERT INTO employee_leave (employee_id, kind, first_day, last_day, recorded_by)"
              + " VALUES ("
              + id2
              + ", 'SICK', '2026-10-19', '2026-10-20', 'seed')");

      try (PreparedStatement insert = db.prepareStatement(INSERT_CHECK_IN)) {
        Batch batch = new Batch(insert, device);
        for (LocalDate d = MONTH.atDay(1); !d.isAfter(MONTH.atEndOfMonth()); d = d.plusDays(1)) {
          boolean weekday = d.getDayOfWeek().getValue() <= 5;
          if (weekday && !d.equals(HOLIDAY)) {
            batch.workday(id1, d, "08:55");
            if (d.getDayOfMonth() == 22) {
              batch.face(id2, d, "08:55", "IN");
            } else if (d.getDayOfMonth() != 14
                && d.getDayOfMonth() != 19
                && d.getDayOfMonth() != 20) {
              batch.workday(id2, d, d.getDayOfWeek() == DayOfWeek.MONDAY ? "09:20" : "08:55");
            }
            if (d.getDayOfMonth() >= 15) {
              for (String t : new String[] {"08:58", "12:10", "12:40", "17:02"}) {
                batch.add(at(d, t), id4, "MATCH", false, "DOOR", null);
              }
            }
          }
          if (d.getDayOfWeek() != DayOfWeek.SUNDAY && !d.equals(HOLIDAY)) {
            batch.face(id3, d, "21:55", "IN");
            batch.face(id3, d.plusDays(1), "06:00", "OUT");
          }
        }
        LocalDate seventh = MONTH.atDay(7);
        batch.add(at(seventh, "18:30"), id1, "MATCH", true, "FACE", "OUT"); // a duplicate
        batch.add(at(seventh, "09:00"), null, "UNKNOWN", false, "FACE", "IN"); // nobody known
        batch.face(id5, MONTH.atDay(22), "08:55", "IN");
        batch.face(id6, MONTH.atDay(21), "09:00", "IN");
        batch.add(
            Instant.now().minusSeconds(3600).atOffset(ZoneOffset.UTC),
            id7,
            "MATCH",
            false,
            "FACE",
            "IN");
        insert.executeBatch();
        checkIns = batch.count;
      }
      db.commit();
    }
  }

  private final class Batch {
    final PreparedStatement insert;
    final long device;
    int count;

    Batch(PreparedStatement insert, long device) {
      this.insert = insert;
      this.device = device;
    }

    void workday(long employee, LocalDate d, String arrival) throws SQLException {
      face(employee, d, arrival, "IN");
      face(employee, d, "12:00", "OUT");
      face(employee, d, "12:30", "IN");
      face(employee, d, "17:05", "OUT");
    }

    void face(long employee, LocalDate d, String time, String direction) throws SQLException {
      add(at(d, time), employee, "MATCH", false, "FACE", direction);
    }

    void add(
        OffsetDateTime at,
        Long employee,
        String outcome,
        boolean duplicate,
        String method,
        String direction)
        throws SQLException {
      addCheckIn(insert, device, at, employee, outcome, duplicate, method, direction);
      count++;
    }
  }

  /** A check-in row for a batch on {@link #INSERT_CHECK_IN}. */
  static void addCheckIn(
      PreparedStatement insert,
      long device,
      OffsetDateTime at,
      Long employee,
      String outcome,
      boolean duplicate,
      String method,
      String direction)
      throws SQLException {
    insert.setObject(1, at);
    insert.setLong(2, device);
    insert.setObject(3, employee);
    insert.setString(4, outcome);
    insert.setBoolean(5, duplicate);
    insert.setString(6, method);
    insert.setString(7, direction);
    insert.addBatch();
  }

  static OffsetDateTime at(LocalDate date, String localTime) {
    return date.atTime(LocalTime.parse(localTime))
        .atZone(ZONE)
        .toInstant()
        .atOffset(ZoneOffset.UTC);
  }

  private long employee(Connection db, String number, String name, String department)
      throws SQLException {
    return id(
        db,
        "INSERT INTO employee (employee_number, full_name, department, status, created_at, site)"
            + " VALUES ('"
            + number
            + "', '"
            + name
            + "', '"
            + department
            + "', 'ACTIVE', now(), '"
            + site
            + "') RETURNING id");
  }

  private static String shift(String name, String start, String end) {
    return "INSERT INTO work_shift (name, start_time, end_time, break_minutes, grace_minutes)"
        + " VALUES ('"
        + name
        + "', '"
        + start
        + "', '"
        + end
        + "', 30, 5) RETURNING id";
  }

  private static void assign(
      Connection db, long pattern, Long employee, String department, String from)
      throws SQLException {
    exec(
        db,
        "INSERT INTO schedule_assignment (pattern_id, employee_id, department, effective_from)"
            + " VALUES ("
            + pattern
            + ", "
            + employee
            + ", "
            + (department == null ? "NULL" : "'" + department + "'")
            + ", '"
            + from
            + "')");
  }

  private static void exec(Connection db, String sql) throws SQLException {
    try (Statement s = db.createStatement()) {
      s.execute(sql);
    }
  }

  private static long id(Connection db, String sql) throws SQLException {
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
