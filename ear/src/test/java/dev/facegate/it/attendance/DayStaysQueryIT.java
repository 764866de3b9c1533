package dev.facegate.it.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facegate.attendance.control.DayStaysQuery;
import dev.facegate.domain.attendance.AttendanceDay;
import dev.facegate.domain.attendance.AttendanceRules;
import dev.facegate.domain.attendance.DayPlan;
import dev.facegate.domain.attendance.DayStays;
import dev.facegate.domain.attendance.Direction;
import dev.facegate.domain.attendance.Method;
import dev.facegate.domain.attendance.Passage;
import dev.facegate.domain.attendance.PlannedShift;
import dev.facegate.it.support.Deployments;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The reports' SQL aggregation ({@link DayStaysQuery}, window functions in PostgreSQL) against the
 * Java rules ({@code Pairing} through {@link AttendanceRules#staysByDate}) on a generated month
 * (October 2026, Berlin: the clocks go back on the 25th) in the IT database. Day and night workers
 * with random slips (flagged duplicates, double INs, double OUTs, missing OUTs, OUTs without an IN,
 * UNKNOWN faces, equal instants, microsecond times), stays of exactly the longest stay and just
 * over, door passages and double INs spread over more than the longest stay (both must be handed
 * back to Java). Every employee-day the database returns must equal Java's, and so must the
 * attendance days the rules make of them.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DayStaysQueryIT {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final Duration LONGEST = Duration.ofHours(16);
  private static final LocalDate FIRST = LocalDate.of(2026, 10, 1);
  private static final LocalDate LAST = LocalDate.of(2026, 10, 31);
  private static final Instant FROM = Instant.parse("2026-09-29T00:00:00Z");
  private static final Instant TO = Instant.parse("2026-11-02T00:00:00Z").plus(LONGEST);
  private static final int DAY_WORKERS = 24;
  private static final int NIGHT_WORKERS = 12;

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.application();
  }

  /** Employee id to what the test made it do. */
  private static final Map<Long, String> PEOPLE = new LinkedHashMap<>();

  /** Employee id to their site's zone: Berlin, except one site on a fixed offset. */
  private static final Map<Long, ZoneId> ZONES = new HashMap<>();

  private static final ZoneOffset INDIA = ZoneOffset.ofHoursMinutes(5, 30);

  private static long nightFixed;
  private static long offset;
  private static long exactLongest;

  @BeforeAll
  static void seed() throws SQLException {
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String site = "Q-site-" + suffix;
    Random random = new Random(20261025L);
    try (Connection db = connect()) {
      db.setAutoCommit(false);
      try (var s = db.createStatement()) {
        s.execute("INSERT INTO site (name, time_zone) VALUES ('" + site + "', 'Europe/Berlin')");
      }
      long kiosk =
          id(
              db,
              "INSERT INTO device (name, kind, site, token_hash, enabled, created_at, legacy)"
                  + " VALUES ('Q kiosk "
                  + suffix
                  + "', 'KIOSK', '"
                  + site
                  + "', 'q-"
                  + UUID.randomUUID()
                  + "', TRUE, now(), TRUE) RETURNING id");
      try (PreparedStatement insert = db.prepareStatement(AttendanceSeed.INSERT_CHECK_IN)) {
        Rows rows = new Rows(insert, kiosk);
        for (int i = 0; i < DAY_WORKERS; i++) {
          long e = employee(db, site, suffix, "day-" + i);
          PEOPLE.put(e, "day worker " + i);
          for (LocalDate d = FIRST.minusDays(1); !d.isAfter(LAST.plusDays(1)); d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() <= 5 || random.nextInt(10) == 0) {
              rows.day(e, d, LocalTime.of(8, 30), LocalTime.of(17, 0), true, random);
            }
          }
        }
        for (int i = 0; i < NIGHT_WORKERS; i++) {
          long e = employee(db, site, suffix, "night-" + i);
          PEOPLE.put(e, "night worker " + i);
          for (LocalDate d = FIRST.minusDays(1); !d.isAfter(LAST.plusDays(1)); d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() != 7) {
              rows.day(e, d, LocalTime.of(21, 50), LocalTime.of(6, 0), false, random);
            }
          }
        }
        // A night shift over the change, exactly: 22:00 CEST to 06:00 CET is nine hours.
        nightFixed = employee(db, site, suffix, "night-fixed");
        PEOPLE.put(nightFixed, "night over the DST change");
        rows.kiosk(nightFixed, local(LocalDate.of(2026, 10, 24), "22:00"), "IN");
        rows.kiosk(nightFixed, local(LocalDate.of(2026, 10, 25), "06:00"), "OUT");
        // Check-ins in the repeated hour (02:00-03:00 twice on the 25th) and at its edges.
        long repeated = employee(db, site, suffix, "repeated-hour");
        PEOPLE.put(repeated, "check-ins in the repeated hour");
        rows.kiosk(repeated, Instant.parse("2026-10-24T23:59:59.999999Z"), "IN");
        rows.kiosk(repeated, Instant.parse("2026-10-25T00:30:00Z"), "OUT");
        rows.kiosk(repeated, Instant.parse("2026-10-25T00:59:59.999999Z"), "IN");
        rows.kiosk(repeated, Instant.parse("2026-10-25T01:00:00Z"), "OUT");
        rows.kiosk(repeated, Instant.parse("2026-10-25T01:30:00.000001Z"), "IN");
        rows.kiosk(repeated, Instant.parse("2026-10-25T01:30:00.000001Z"), "OUT");
        // A stay of exactly the longest stay closes; one microsecond more does not.
        exactLongest = employee(db, site, suffix, "longest");
        PEOPLE.put(exactLongest, "stays at the longest-stay edge");
        Instant in = local(LocalDate.of(2026, 10, 5), "06:00");
        rows.kiosk(exactLongest, in, "IN");
        rows.kiosk(exactLongest, in.plus(LONGEST), "OUT");
        Instant in2 = local(LocalDate.of(2026, 10, 7), "06:00");
        rows.kiosk(exactLongest, in2, "IN");
        rows.kiosk(exactLongest, in2.plus(LONGEST).plus(1, ChronoUnit.MICROS), "OUT");
        rows.kiosk(exactLongest, in2.plus(LONGEST).plus(2, ChronoUnit.HOURS), "OUT");
        // A missing OUT followed by an IN more than the longest stay later: a new stay.
        long forgot = employee(db, site, suffix, "forgot");
        PEOPLE.put(forgot, "missing OUT, IN the next day");
        rows.kiosk(forgot, local(LocalDate.of(2026, 10, 12), "09:00"), "IN");
        rows.kiosk(forgot, local(LocalDate.of(2026, 10, 13), "09:00"), "IN");
        rows.kiosk(forgot, local(LocalDate.of(2026, 10, 13), "17:00"), "OUT");
        rows.kiosk(forgot, local(LocalDate.of(2026, 10, 13), "17:30"), "OUT");
        // Double INs 11 h apart, three times: each within the longest stay of the previous one
        // but spread over 22 h; Pairing splits after 16 h of the first. Handed back to Java.
        long spread = employee(db, site, suffix, "spread");
        PEOPLE.put(spread, "double INs spread over more than the longest stay");
        rows.kiosk(spread, local(LocalDate.of(2026, 10, 8), "08:00"), "IN");
        rows.kiosk(spread, local(LocalDate.of(2026, 10, 8), "19:00"), "IN");
        rows.kiosk(spread, local(LocalDate.of(2026, 10, 9), "06:00"), "IN");
        rows.kiosk(spread, local(LocalDate.of(2026, 10, 9), "14:00"), "OUT");
        // A site on a fixed offset (+05:30): PostgreSQL reads offsets with the POSIX sign.
        offset = employee(db, site, suffix, "offset");
        PEOPLE.put(offset, "fixed offset +05:30, just after local midnight");
        ZONES.put(offset, INDIA);
        for (int day = 1; day <= 5; day++) {
          Instant midnight = LocalDate.of(2026, 10, day).atStartOfDay(INDIA).toInstant();
          rows.kiosk(offset, midnight.plus(5, ChronoUnit.MINUTES), "IN");
          rows.kiosk(offset, midnight.plus(4, ChronoUnit.HOURS), "OUT");
        }
        // Door passages only, and kiosk plus doors: handed back to Java.
        long doors = employee(db, site, suffix, "doors");
        PEOPLE.put(doors, "door passages only");
        long mixed = employee(db, site, suffix, "mixed");
        PEOPLE.put(mixed, "kiosk and doors");
        for (LocalDate d = FIRST; !d.isAfter(LAST); d = d.plusDays(1)) {
          if (d.getDayOfWeek().getValue() <= 5) {
            for (String t : new String[] {"08:58", "12:10", "12:40", "17:02"}) {
              rows.door(doors, local(d, t));
            }
            rows.kiosk(mixed, local(d, "09:00"), "IN");
            rows.door(mixed, local(d, "12:00"));
            rows.kiosk(mixed, local(d, "17:00"), "OUT");
          }
        }
        rows.flush();
      }
      db.commit();
    }
  }

  @Test
  void theDatabasePairsAndSumsLikeTheJavaRules() throws SQLException {
    Map<Long, ZoneId> zones = new HashMap<>();
    PEOPLE.keySet().forEach(id -> zones.put(id, ZONES.getOrDefault(id, BERLIN)));
    DayStaysQuery.Result sql;
    Map<Long, List<Passage>> passages;
    try (Connection db = connect()) {
      assertThat(DayStaysQuery.supports(db)).as("the IT database is PostgreSQL").isTrue();
      sql = DayStaysQuery.read(db, zones, FROM, TO, FIRST, LAST, LONGEST);
      passages = passages(db);
    }

    Set<Long> handedBack =
        PEOPLE.entrySet().stream()
            .filter(e -> e.getValue().contains("door") || e.getValue().contains("spread"))
            .map(Map.Entry::getKey)
            .collect(Collectors.toSet());
    assertThat(sql.pairInJava()).as("employees paired in Java").isEqualTo(handedBack);

    int compared = 0;
    for (var person : PEOPLE.entrySet()) {
      long id = person.getKey();
      if (handedBack.contains(id)) {
        assertThat(sql.days()).doesNotContainKey(id);
        continue;
      }
      ZoneId zone = zones.get(id);
      Map<LocalDate, DayStays> expected = new TreeMap<>();
      AttendanceRules.staysByDate(passages.getOrDefault(id, List.of()), zone, LONGEST)
          .forEach(
              (date, day) -> {
                if (!date.isBefore(FIRST) && !date.isAfter(LAST)) {
                  expected.put(date, day);
                }
              });
      Map<LocalDate, DayStays> actual = new TreeMap<>(sql.days().getOrDefault(id, Map.of()));
      assertThat(actual).as(person.getValue()).isEqualTo(expected);
      compared += actual.size();

      for (Instant now :
          List.of(Instant.parse("2026-10-20T10:00:00Z"), Instant.parse("2026-11-20T00:00:00Z"))) {
        List<DayPlan> plans = plans(person.getValue().startsWith("night"), zone);
        List<AttendanceDay> fromSql = AttendanceRules.days(plans, actual, now, LONGEST);
        List<AttendanceDay> fromJava =
            AttendanceRules.days(plans, zone, passages.getOrDefault(id, List.of()), now, LONGEST);
        assertThat(fromSql).as(person.getValue() + " at " + now).isEqualTo(fromJava);
      }
    }
    assertThat(compared).as("employee-days compared").isGreaterThan(700);

    // The cases the month is built for, checked outright and not only against Java.
    DayStays dstNight = sql.days().get(nightFixed).get(LocalDate.of(2026, 10, 24));
    assertThat(dstNight.closed()).isEqualTo(Duration.ofHours(9));
    assertThat(sql.days().get(nightFixed)).doesNotContainKey(LocalDate.of(2026, 10, 25));
    Map<LocalDate, DayStays> edge = sql.days().get(exactLongest);
    assertThat(edge.get(LocalDate.of(2026, 10, 5)).closed()).isEqualTo(LONGEST);
    assertThat(edge.get(LocalDate.of(2026, 10, 7)).lastOut()).isNull();
    assertThat(edge.get(LocalDate.of(2026, 10, 7)).earliestOpenIn()).isNotNull();
    // 00:05 at +05:30 is 18:35 UTC the day before: the stay belongs to the local date
    Map<LocalDate, DayStays> india = sql.days().get(offset);
    assertThat(india.get(LocalDate.of(2026, 10, 2)).count()).isEqualTo(1);
    assertThat(india.get(LocalDate.of(2026, 10, 2)).firstIn())
        .isEqualTo(LocalDate.of(2026, 10, 2).atTime(0, 5).atZone(INDIA).toInstant());
  }

  /** A shift each date (day 09:00-17:00 or night 22:00-06:00, 30 min break, 5 min grace). */
  private static List<DayPlan> plans(boolean night, ZoneId zone) {
    List<DayPlan> plans = new ArrayList<>();
    for (LocalDate d = FIRST; !d.isAfter(LAST); d = d.plusDays(1)) {
      PlannedShift shift =
          night
              ? PlannedShift.on(d, zone, "Night", LocalTime.of(22, 0), LocalTime.of(6, 0), 30, 5)
              : PlannedShift.on(d, zone, "Day", LocalTime.of(9, 0), LocalTime.of(17, 0), 30, 5);
      plans.add(DayPlan.working(d, shift));
    }
    return plans;
  }

  /** The accepted check-ins of the test's employees, read as the Java path reads them. */
  private static Map<Long, List<Passage>> passages(Connection db) throws SQLException {
    Map<Long, List<Passage>> passages = new HashMap<>();
    try (PreparedStatement q =
        db.prepareStatement(
            "SELECT employee_id, occurred_at, method, direction FROM check_in"
                + " WHERE employee_id = ANY (?) AND outcome = 'MATCH' AND NOT duplicate"
                + " AND occurred_at >= ? AND occurred_at < ? ORDER BY employee_id, occurred_at")) {
      q.setArray(1, db.createArrayOf("bigint", PEOPLE.keySet().toArray(Long[]::new)));
      q.setObject(2, FROM.atOffset(ZoneOffset.UTC));
      q.setObject(3, TO.atOffset(ZoneOffset.UTC));
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          String direction = rs.getString(4);
          passages
              .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
              .add(
                  new Passage(
                      rs.getObject(2, OffsetDateTime.class).toInstant(),
                      Method.valueOf(rs.getString(3)),
                      direction == null ? null : Direction.valueOf(direction)));
        }
      }
    }
    return passages;
  }

  private static Instant local(LocalDate date, String time) {
    return date.atTime(LocalTime.parse(time)).atZone(BERLIN).toInstant();
  }

  private static Connection connect() throws SQLException {
    return DriverManager.getConnection(
        System.getProperty("it.db.url"),
        System.getProperty("it.db.user"),
        System.getProperty("it.db.password"));
  }

  private static long employee(Connection db, String site, String suffix, String name)
      throws SQLException {
    return id(
        db,
        "INSERT INTO employee (employee_number, full_name, department, status, created_at, site)"
            + " VALUES ('Q-"
            + suffix
            + "-"
            + name
            + "', 'Q "
            + name
            + "', 'Q-"
            + suffix
            + "', 'ACTIVE', now(), '"
            + site
            + "') RETURNING id");
  }

  private static long id(Connection db, String sql) throws SQLException {
    try (var s = db.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Batched check-in rows. */
  private record Rows(PreparedStatement insert, long device) {

    void kiosk(long employee, Instant at, String direction) throws SQLException {
      add(employee, at, "MATCH", false, "FACE", direction);
    }

    void door(long employee, Instant at) throws SQLException {
      add(employee, at, "MATCH", false, "DOOR", null);
    }

    /**
     * A working day from {@code start} to {@code end} (the next day when end is before start) with
     * a lunch break for day workers, and random slips.
     */
    void day(
        long employee, LocalDate date, LocalTime start, LocalTime end, boolean lunch, Random random)
        throws SQLException {
      // arrival 0-60 min after start, departure 0-60 min after end, with microseconds
      Instant in =
          local(date, start.toString())
              .plus(random.nextInt(3_600_000), ChronoUnit.MILLIS)
              .plus(random.nextInt(1000), ChronoUnit.MICROS);
      LocalDate endDate = end.isAfter(start) ? date : date.plusDays(1);
      Instant out =
          local(endDate, end.toString()).plus(random.nextLong(3_600_000_000L), ChronoUnit.MICROS);
      int slip = random.nextInt(12);
      if (slip != 1) { // 1: no arrival recorded (the OUT closes nothing)
        kiosk(employee, in, "IN");
      }
      if (slip == 2) { // a double IN a few minutes later
        kiosk(employee, in.plus(random.nextInt(20) + 1, ChronoUnit.MINUTES), "IN");
      }
      if (slip == 3) { // a repeat the kiosk flagged as duplicate
        add(employee, in.plusSeconds(30), "MATCH", true, "FACE", "IN");
      }
      if (slip == 4) { // a stranger at the kiosk
        add(employee, in.plusSeconds(5), "UNKNOWN", false, "FACE", "IN");
      }
      if (lunch && slip != 5) {
        Instant noon = local(date, "12:00").plus(random.nextInt(60), ChronoUnit.MINUTES);
        kiosk(employee, noon, "OUT");
        kiosk(employee, noon.plus(random.nextInt(60) + 1, ChronoUnit.MINUTES), "IN");
      }
      if (slip == 6) { // an IN and an OUT at the same instant
        Instant same = in.plus(2, ChronoUnit.HOURS);
        kiosk(employee, same, "OUT");
        kiosk(employee, same, "IN");
      }
      if (slip != 7) { // 7: the OUT is missing
        kiosk(employee, out, "OUT");
      }
      if (slip == 8) { // a double OUT
        kiosk(employee, out.plus(random.nextInt(30) + 1, ChronoUnit.MINUTES), "OUT");
      }
    }

    void add(
        long employee,
        Instant at,
        String outcome,
        boolean duplicate,
        String method,
        String direction)
        throws SQLException {
      AttendanceSeed.addCheckIn(
          insert,
          device,
          at.atOffset(ZoneOffset.UTC),
          employee,
          outcome,
          duplicate,
          method,
          direction);
    }

    void flush() throws SQLException {
      insert.executeBatch();
    }
  }
}
