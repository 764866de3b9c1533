package dev.facegate.attendance.control;

import dev.facegate.attendance.boundary.Person;
import dev.facegate.attendance.boundary.ReportFilter;
import dev.facegate.domain.attendance.AttendanceDay;
import dev.facegate.domain.attendance.AttendanceRules;
import dev.facegate.domain.attendance.Correction;
import dev.facegate.domain.attendance.DayCorrection;
import dev.facegate.domain.attendance.DayPlan;
import dev.facegate.domain.attendance.DayStays;
import dev.facegate.domain.attendance.Direction;
import dev.facegate.domain.attendance.Holiday;
import dev.facegate.domain.attendance.Leave;
import dev.facegate.domain.attendance.Method;
import dev.facegate.domain.attendance.Passage;
import dev.facegate.domain.attendance.ScheduleAssignment;
import dev.facegate.domain.attendance.ScheduleResolver;
import dev.facegate.domain.attendance.Site;
import dev.facegate.domain.people.Employee;
import dev.facegate.domain.people.EmploymentStatus;
import dev.facegate.domain.recognition.Outcome;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Loads what the attendance rules need and runs them, a chunk of employees at a time so memory
 * stays flat however many employees a report covers. On PostgreSQL the check-ins never reach Java:
 * the database pairs them into stays and sums those per employee and local date ({@link
 * DayStaysQuery}); Java applies the schedule rules (shift, late, early leave, overtime, status,
 * leave, holidays, corrections) to one row per employee-day. Employees the query hands back, and
 * all of them on H2, are paired in Java from a four-column projection of their accepted check-ins.
 */
@Dependent
public class AttendanceComputer {

  /** Employees whose check-ins are read in one query. */
  static final int CHUNK = 100;

  @PersistenceContext(unitName = "facegate")
  EntityManager em;

  @Resource(lookup = "java:jboss/datasources/FaceGateDS")
  DataSource dataSource;

  @Inject
  @ConfigProperty(name = "facegate.attendance.longest-stay-hours")
  int longestStayHours;

  @Inject
  @ConfigProperty(name = "facegate.attendance.default-zone")
  String defaultZone;

  /** The active employees the filter selects, ordered by department, name and number. */
  public List<Person> people(ReportFilter filter) {
    StringBuilder jpql = new StringBuilder("SELECT e FROM Employee e WHERE e.status = :active");
    filter.department().ifPresent(x -> jpql.append(" AND e.department = :department"));
    filter.site().ifPresent(x -> jpql.append(" AND e.site = :site"));
    filter.employeeNumber().ifPresent(x -> jpql.append(" AND e.employeeNumber = :number"));
    jpql.append(" ORDER BY e.department, e.fullName, e.employeeNumber");
    TypedQuery<Employee> q =
        em.createQuery(jpql.toString(), Employee.class)
            .setParameter("active", EmploymentStatus.ACTIVE);
    filter.department().ifPresent(x -> q.setParameter("department", x));
    filter.site().ifPresent(x -> q.setParameter("site", x));
    filter.employeeNumber().ifPresent(x -> q.setParameter("number", x));
    Map<String, ZoneId> zones = zones();
    ZoneId fallback = ZoneId.of(defaultZone);
    return q.getResultList().stream()
        .map(
            e ->
                new Person(
                    e.getId(),
                    e.getEmployeeNumber(),
                    e.getFullName(),
                    e.getDepartment(),
                    e.getSite(),
                    zones.getOrDefault(e.getSite(), fallback)))
        .toList();
  }

  /** The zones of the sites that have one stored. */
  public Map<String, ZoneId> zones() {
    Map<String, ZoneId> zones = new HashMap<>();
    for (Site s : em.createQuery("SELECT s FROM Site s", Site.class).getResultList()) {
      zones.put(s.getName(), s.getZone());
    }
    return zones;
  }

  /** The zone of a site, or the default zone for a site without one. */
  public ZoneId zoneOf(String site) {
    Site stored = site == null ? null : em.find(Site.class, site);
    return stored != null ? stored.getZone() : ZoneId.of(defaultZone);
  }

  public Duration longestStay() {
    return Duration.ofHours(longestStayHours);
  }

  /**
   * Computes every date from {@code first} to {@code last} for each person, handing each person's
   * days to {@code sink} in the order of {@code people}.
   */
  public void compute(
      List<Person> people,
      LocalDate first,
      LocalDate last,
      Instant now,
      BiConsumer<Person, List<AttendanceDay>> sink) {
    if (people.isEmpty()) {
      return;
    }
    List<ScheduleAssignment> assignments =
        em.createQuery(
                // the pattern's shifts are many-to-one, loaded with it
                "SELECT a FROM ScheduleAssignment a JOIN FETCH a.pattern"
                    + " WHERE a.effectiveFrom <= :last"
                    + " AND (a.effectiveTo IS NULL OR a.effectiveTo >= :first)",
                ScheduleAssignment.class)
            .setParameter("first", first)
            .setParameter("last", last)
            .getResultList();
    List<Holiday> holidays =
        em.createQuery(
                "SELECT h FROM Holiday h WHERE h.date BETWEEN :first AND :last", Holiday.class)
            .setParameter("first", first)
            .setParameter("last", last)
            .getResultList();
    Duration longest = longestStay();
    // Wide enough for every zone (UTC-12 .. UTC+14) and a stay that began the day before
    Instant from = first.minusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant to = last.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant().plus(longest);
    for (int start = 0; start < people.size(); start += CHUNK) {
      List<Person> chunk = people.subList(start, Math.min(people.size(), start + CHUNK));
      List<Long> ids = chunk.stream().map(Person::id).toList();
      Map<Long, List<Leave>> leaves = new HashMap<>();
      em.createQuery(
              "SELECT l FROM Leave l WHERE l.employeeId IN :ids"
                  + " AND l.firstDay <= :last AND l.lastDay >= :first",
              Leave.class)
          .setParameter("ids", ids)
          .setParameter("first", first)
          .setParameter("last", last)
          .getResultList()
          .forEach(l -> leaves.computeIfAbsent(l.getEmployeeId(), k -> new ArrayList<>()).add(l));
      Map<Long, Map<LocalDate, DayCorrection>> corrections = new HashMap<>();
      em.createQuery(
              "SELECT c FROM Correction c WHERE c.employeeId IN :ids"
                  + " AND c.workDate BETWEEN :first AND :last ORDER BY c.createdAt, c.id",
              Correction.class)
          .setParameter("ids", ids)
          .setParameter("first", first)
          .setParameter("last", last)
          .getResultList()
          // the latest correction of a day wins
          .forEach(
              c ->
                  corrections
                      .computeIfAbsent(c.getEmployeeId(), k -> new HashMap<>())
                      .put(c.getWorkDate(), c.toDayCorrection()));
      Map<Long, Map<LocalDate, DayStays>> stays = staysByDate(chunk, from, to, first, last);
      for (Person person : chunk) {
        List<DayPlan> plans = new ArrayList<>();
        List<ScheduleAssignment> own =
            assignments.stream()
                .filter(
                    a ->
                        person.id() == (a.getEmployeeId() == null ? -1 : a.getEmployeeId())
                            || person.department().equals(a.getDepartment()))
                .toList();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
          LocalDate date = d;
          String holiday =
              holidays.stream()
                  .filter(h -> h.getDate().equals(date) && h.appliesTo(person.site()))
                  .map(Holiday::getName)
                  .findFirst()
                  .orElse(null);
          var leave =
              leaves.getOrDefault(person.id(), List.of()).stream()
                  .filter(l -> l.covers(date))
                  .map(Leave::getKind)
                  .findFirst()
                  .orElse(null);
          plans.add(
              new DayPlan(
                  date,
                  ScheduleResolver.shiftOn(own, person.id(), date)
                      .map(s -> s.on(date, person.zone()))
                      .orElse(null),
                  holiday,
                  leave,
                  corrections.getOrDefault(person.id(), Map.of()).get(date)));
        }
        sink.accept(
            person,
            AttendanceRules.days(plans, stays.getOrDefault(person.id(), Map.of()), now, longest));
      }
      em.clear(); // nothing here is written; keep the persistence context small
    }
  }

  /**
   * The chunk's stays summed per employee and local date of arrival. On PostgreSQL the database
   * pairs and sums ({@link DayStaysQuery}: one row per employee-day); employees it hands back, and
   * every employee on other databases (H2 in the local run), are paired here by {@link
   * AttendanceRules#staysByDate} from their check-ins. Both give the same stays.
   */
  private Map<Long, Map<LocalDate, DayStays>> staysByDate(
      List<Person> chunk, Instant from, Instant to, LocalDate first, LocalDate last) {
    Map<Long, Map<LocalDate, DayStays>> stays = new HashMap<>();
    List<Person> inJava = chunk;
    try (Connection db = dataSource.getConnection()) {
      if (DayStaysQuery.supports(db)) {
        Map<Long, ZoneId> zones = new HashMap<>();
        chunk.forEach(p -> zones.put(p.id(), p.zone()));
        DayStaysQuery.Result result =
            DayStaysQuery.read(db, zones, from, to, first, last, longestStay());
        stays.putAll(result.days());
        inJava = chunk.stream().filter(p -> result.pairInJava().contains(p.id())).toList();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("reading the stays of " + chunk.size() + " employees", e);
    }
    if (inJava.isEmpty()) {
      return stays;
    }
    Map<Long, List<Passage>> passages = passages(inJava, from, to);
    for (Person person : inJava) {
      stays.put(
          person.id(),
          AttendanceRules.staysByDate(
              passages.getOrDefault(person.id(), List.of()), person.zone(), longestStay()));
    }
    return stays;
  }

  /** The accepted check-ins (MATCH, not duplicate) of the given people, as four columns. */
  private Map<Long, List<Passage>> passages(List<Person> people, Instant from, Instant to) {
    Map<Long, List<Passage>> passages = new HashMap<>();
    try (Stream<Object[]> rows =
        em.createQuery(
                "SELECT c.employeeId, c.occurredAt, c.method, c.direction FROM CheckIn c"
                    + " WHERE c.employeeId IN :ids AND c.outcome = :match"
                    + " AND c.duplicate = false"
                    + " AND c.occurredAt >= :from AND c.occurredAt < :to"
                    + " ORDER BY c.employeeId, c.occurredAt",
                Object[].class)
            .setParameter("ids", people.stream().map(Person::id).toList())
            .setParameter("match", Outcome.MATCH)
            .setParameter("from", from)
            .setParameter("to", to)
            .setHint("org.hibernate.fetchSize", 2000)
            .setHint("org.hibernate.readOnly", true)
            .getResultStream()) {
      rows.forEach(
          r ->
              passages
                  .computeIfAbsent((Long) r[0], k -> new ArrayList<>())
                  .add(new Passage((Instant) r[1], (Method) r[2], (Direction) r[3])));
    }
    return passages;
  }
}
