package dev.facegate.it.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facegate.it.support.Deployments;
import dev.facegate.it.support.TestCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Attendance reports at size: 1,000 employees in 10 departments, October 2026, 4 kiosk check-ins
 * per working day (about 88,000 check-ins, generated inside PostgreSQL by one INSERT ... SELECT
 * over generate_series). Measures over REST, median of 5 after one warm-up: the monthly report
 * (department summary and timesheets, what the monthly page computes), the monthly XLSX and the
 * daily XLSX of the whole month (31,000 rows). Then the server's live heap during each request:
 * {@code jcmd GC.run} and {@code GC.heap_info} in a loop against a baseline after a full GC. Prints
 * the figures and writes them to {@code ear/target/bench/reports.txt}. Run with {@code ./mvnw -B
 * verify -Pbench -Dit.test=ReportsBench}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReportsBench {

  private static final int EMPLOYEES = 1_000;
  private static final int DEPARTMENTS = 10;
  private static final int RUNS = 5;
  private static final int MEMORY_RUNS = 3;
  private static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.application();
  }

  @ArquillianResource URL baseUrl;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @Test
  void monthOfAThousandEmployees() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String site = "B-site-" + suffix;
    long seedStart = System.nanoTime();
    long checkIns = seed(suffix, site);
    long seedMillis = (System.nanoTime() - seedStart) / 1_000_000;
    assertThat(checkIns).isGreaterThan(80_000);

    String monthly = "api/v1/attendance/monthly?month=2026-10&site=" + q(site);
    String daily = "api/v1/attendance/daily?from=2026-10-01&to=2026-10-31&site=" + q(site);
    Optional<Long> server = serverPid();
    Optional<Long> database = databasePid();
    StringBuilder report = new StringBuilder();
    report.append(
        String.format(
            Locale.ROOT,
            "Attendance reports: %d employees, %d check-ins (seeded in %d ms), PostgreSQL;"
                + " median of %d after 1 warm-up%n",
            EMPLOYEES,
            checkIns,
            seedMillis,
            RUNS));
    report.append(measure("monthly report (JSON)", monthly, "application/json", server, database));
    report.append(measure("monthly export (XLSX)", monthly, XLSX, server, database));
    report.append(
        measure("daily export of the month (XLSX, 31,000 rows)", daily, XLSX, server, database));
    report.append(measure("daily export of the month (CSV)", daily, "text/csv", server, database));
    System.out.println(report);
    Path out = Path.of(System.getProperty("it.bench.dir", "target/bench"));
    Files.createDirectories(out);
    Files.writeString(out.resolve("reports.txt"), report);
  }

  /**
   * Times {@link #RUNS} requests after a warm-up; then, for the live heap, repeats the request
   * {@link #MEMORY_RUNS} times while a sampler forces a full GC and reads the used heap every few
   * hundred milliseconds (the used heap without a GC would count garbage G1 has not collected yet).
   * The growth is the largest live heap during the request minus the live heap before it.
   */
  private String measure(
      String what, String path, String accept, Optional<Long> server, Optional<Long> database)
      throws Exception {
    fetch(path, accept); // warm-up
    List<Long> millis = new ArrayList<>();
    long bytes = 0;
    Optional<Duration> cpuBefore = server.flatMap(ReportsBench::cpu);
    Optional<Duration> dbBefore = database.flatMap(ReportsBench::treeCpu);
    for (int i = 0; i < RUNS; i++) {
      long start = System.nanoTime();
      bytes = fetch(path, accept);
      millis.add((System.nanoTime() - start) / 1_000_000);
    }
    // the server's CPU time (all its threads) per request: less at the mercy of other processes
    // on a shared machine than the wall time
    Optional<Long> cpuPerRequest =
        cpuBefore.flatMap(
            before ->
                server.flatMap(ReportsBench::cpu).map(a -> a.minus(before).toMillis() / RUNS));
    // PostgreSQL's too (the postmaster and its backends): work the server hands to the database
    // has not gone away
    Optional<Long> dbPerRequest =
        dbBefore.flatMap(
            before ->
                database
                    .flatMap(ReportsBench::treeCpu)
                    .map(a -> a.minus(before).toMillis() / RUNS));
    List<Long> heap = new ArrayList<>();
    if (server.isPresent()) {
      long pid = server.get();
      for (int i = 0; i < MEMORY_RUNS; i++) {
        long baseline = fullGcThenUsedKb(pid);
        AtomicLong peak = new AtomicLong(baseline);
        Thread sampler =
            Thread.ofVirtual()
                .start(
                    () -> {
                      while (!Thread.currentThread().isInterrupted()) {
                        peak.accumulateAndGet(fullGcThenUsedKb(pid), Math::max);
                      }
                    });
        fetch(path, accept);
        sampler.interrupt();
        sampler.join();
        heap.add((peak.get() - baseline) / 1024);
      }
    }
    return String.format(
        Locale.ROOT,
        "%-48s median %5d ms (runs %s), CPU per request: server %s ms, database %s ms,"
            + " %,d bytes, live heap growth %s%n",
        what,
        median(millis),
        millis,
        cpuPerRequest.map(String::valueOf).orElse("?"),
        dbPerRequest.map(String::valueOf).orElse("?"),
        bytes,
        heap.isEmpty()
            ? "not measured (server process not found)"
            : "max "
                + heap.stream().mapToLong(Long::longValue).max().orElseThrow()
                + " MB "
                + heap);
  }

  private long fetch(String path, String accept) throws IOException, InterruptedException {
    HttpResponse<InputStream> r =
        http.send(
            HttpRequest.newBuilder(URI.create(baseUrl.toString()).resolve(path))
                .header(
                    "Authorization",
                    TestCredentials.basic(
                        TestCredentials.ADMIN_USERNAME, TestCredentials.adminPassword()))
                .header("Accept", accept)
                .timeout(Duration.ofMinutes(5))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofInputStream());
    long n;
    try (InputStream in = r.body()) {
      n = in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    return n;
  }

  private static long median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  private static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** The test WildFly: the JVM started with this build's port offset. */
  private static Optional<Long> serverPid() {
    String offset = "-Djboss.socket.binding.port-offset=" + System.getProperty("it.port.offset");
    return ProcessHandle.allProcesses()
        .filter(
            p ->
                p.info()
                    .commandLine()
                    .map(c -> c.contains("[Standalone]") && c.contains(offset))
                    .orElse(false))
        .map(ProcessHandle::pid)
        .findFirst();
  }

  /** The test PostgreSQL: the postmaster listening on the port of {@code it.db.url}. */
  private static Optional<Long> databasePid() {
    Matcher m = Pattern.compile(":(\\d+)/").matcher(System.getProperty("it.db.url", ""));
    if (!m.find()) {
      return Optional.empty();
    }
    String port = " -p " + m.group(1) + " ";
    return ProcessHandle.allProcesses()
        .filter(
            p ->
                p.info()
                    .commandLine()
                    .map(c -> c.contains("bin/postgres") && (c + " ").contains(port))
                    .orElse(false))
        .map(ProcessHandle::pid)
        .findFirst();
  }

  /** CPU time so far of a process and its descendants (PostgreSQL's backends). */
  private static Optional<Duration> treeCpu(long pid) {
    return ProcessHandle.of(pid)
        .map(
            h ->
                java.util.stream.Stream.concat(java.util.stream.Stream.of(h), h.descendants())
                    .map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
                    .reduce(Duration.ZERO, Duration::plus));
  }

  /** The process's CPU time so far, all threads. */
  private static Optional<Duration> cpu(long pid) {
    return ProcessHandle.of(pid).flatMap(h -> h.info().totalCpuDuration());
  }

  private static final Pattern USED = Pattern.compile("used (\\d+)K");

  private static long fullGcThenUsedKb(long pid) {
    jcmd(pid, "GC.run");
    return usedKb(pid);
  }

  private static long usedKb(long pid) {
    Matcher m = USED.matcher(jcmd(pid, "GC.heap_info"));
    if (!m.find()) {
      throw new IllegalStateException("jcmd GC.heap_info printed no 'used' figure");
    }
    return Long.parseLong(m.group(1));
  }

  private static String jcmd(long pid, String command) {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    try {
      Process p =
          new ProcessBuilder(jcmd.toString(), String.valueOf(pid), command)
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor();
      return out;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Writes the site, departments, employees, schedule and check-ins; returns the check-ins. */
  private static long seed(String suffix, String site) throws SQLException {
    try (Connection db =
            DriverManager.getConnection(
                System.getProperty("it.db.url"),
                System.getProperty("it.db.user"),
                System.getProperty("it.db.password"));
        Statement s = db.createStatement()) {
      db.setAutoCommit(false);
      s.execute("INSERT INTO site (name, time_zone) VALUES ('" + site + "', 'Europe/Berlin')");
      long device;
      try (ResultSet rs =
          s.executeQuery(
              "INSERT INTO device (name, kind, site, token_hash, enabled, created_at, legacy)"
                  + " VALUES ('B kiosk "
                  + suffix
                  + "', 'KIOSK', '"
                  + site
                  + "', 'b-"
                  + UUID.randomUUID()
                  + "', TRUE, now(), TRUE) RETURNING id")) {
        rs.next();
        device = rs.getLong(1);
      }
      s.execute(
          "INSERT INTO employee (employee_number, full_name, department, status, created_at, site)"
              + " SELECT 'B-"
              + suffix
              + "-' || n, 'Bench Person ' || n, 'B-Dept-' || (n % "
              + DEPARTMENTS
              + ") || '-"
              + suffix
              + "', 'ACTIVE', now(), '"
              + site
              + "'"
              + " FROM generate_series(1, "
              + EMPLOYEES
              + ") n");
      long shift;
      try (ResultSet rs =
          s.executeQuery(
              "INSERT INTO work_shift (name, start_time, end_time, break_minutes, grace_minutes)"
                  + " VALUES ('B-"
                  + suffix
                  + " Day', '09:00', '17:00', 30, 5) RETURNING id")) {
        rs.next();
        shift = rs.getLong(1);
      }
      long pattern;
      try (ResultSet rs =
          s.executeQuery(
              "INSERT INTO weekly_pattern (name, monday_shift_id, tuesday_shift_id,"
                  + " wednesday_shift_id, thursday_shift_id, friday_shift_id) VALUES ('B-"
                  + suffix
                  + " week', "
                  + shift
                  + ", "
                  + shift
                  + ", "
                  + shift
                  + ", "
                  + shift
                  + ", "
                  + shift
                  + ") RETURNING id")) {
        rs.next();
        pattern = rs.getLong(1);
      }
      s.execute(
          "INSERT INTO schedule_assignment (pattern_id, department, effective_from)"
              + " SELECT "
              + pattern
              + ", 'B-Dept-' || n || '-"
              + suffix
              + "', DATE '2026-01-01'"
              + " FROM generate_series(0, "
              + (DEPARTMENTS - 1)
              + ") n");
      // Arrival varies by person and day (08:45..09:14: some are late), lunch 12:00-12:30,
      // departure 17:05; weekends off.
      int rows =
          s.executeUpdate(
              "INSERT INTO check_in (occurred_at, device_id, employee_id, outcome, door_opened,"
                  + " duplicate, best_score, runner_up_score, reason, model_version, method,"
                  + " direction)"
                  + " SELECT ((d + v.t + CASE WHEN v.dir = 'IN' AND v.t < TIME '10:00'"
                  + "   THEN ((e.id * 7 + extract(day FROM d)::int * 13) % 30 - 15) * INTERVAL '1 minute'"
                  + "   ELSE INTERVAL '0' END) AT TIME ZONE 'Europe/Berlin'),"
                  + " "
                  + device
                  + ", e.id, 'MATCH', FALSE, FALSE, 0.97, 0.5, 'bench', 'bench',"
                  + " 'FACE', v.dir"
                  + " FROM employee e"
                  + " CROSS JOIN generate_series(DATE '2026-10-01', DATE '2026-10-31',"
                  + "   INTERVAL '1 day') d"
                  + " CROSS JOIN (VALUES (TIME '09:00', 'IN'), (TIME '12:00', 'OUT'),"
                  + "   (TIME '12:30', 'IN'), (TIME '17:05', 'OUT')) v(t, dir)"
                  + " WHERE e.site = '"
                  + site
                  + "' AND extract(isodow FROM d) < 6");
      s.execute("ANALYZE check_in");
      db.commit();
      return rows;
    }
  }
}
