package dev.facegate.access.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facegate.access.control.DeviceLedger.RateLimit;
import dev.facegate.platform.control.TestDatabases;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * What the shared door guards cost per door request: the replay check plus the rate limit (what
 * {@code DeviceAuthenticator.admit} asks of {@link DeviceGuard}), at concurrency 8 over 20 doors,
 * the per-JVM memory of before V15 against {@link DeviceLedger} on the embedded PostgreSQL server,
 * in the same run. Prints median, p90, p99, throughput, the client's CPU per request and the
 * PostgreSQL processes' CPU per request. Not a unit test: {@code ./mvnw -B -o test -pl
 * models,domain,ejb -Dtest=DeviceGuardBench -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class DeviceGuardBench {

  private static final int THREADS = 8;
  private static final int DOORS = 20;
  private static final int WARM_UP = 300;
  private static final int REQUESTS_PER_THREAD = 1_500;
  private static final RateLimit UNLIMITED = new RateLimit(1e12, 1e9);

  /** One door request's guard work: true if admitted. */
  private interface Guard {
    boolean admit(String signature, String bucket, long nowMillis);
  }

  @Test
  void inMemoryVersusPostgresql() throws Exception {
    DeviceLedger ledger = new DeviceLedger(TestDatabases.pooledPostgres(THREADS));
    Map<String, Instant> seen = new ConcurrentHashMap<>();
    Map<String, double[]> buckets = new ConcurrentHashMap<>();
    Guard memory =
        (signature, bucket, now) -> {
          if (seen.putIfAbsent(signature.toLowerCase(Locale.ROOT), Instant.ofEpochMilli(now))
              != null) {
            return false;
          }
          double[] tokens = buckets.computeIfAbsent(bucket, b -> new double[] {1e12});
          synchronized (tokens) {
            tokens[0] -= 1;
            return tokens[0] >= 0;
          }
        };
    Guard database =
        (signature, bucket, now) ->
            ledger.firstUse(signature, Instant.ofEpochMilli(now))
                && ledger.tryAcquire(bucket, UNLIMITED, now);

    StringBuilder report =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "Door guards per request (replay check + rate limit), %d threads, %d doors, %d"
                    + " requests per variant; %d CPUs, load average before: %.2f%n",
                THREADS,
                DOORS,
                THREADS * REQUESTS_PER_THREAD,
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
    // Twice each, alternating, so that neither variant alone meets a quieter machine.
    for (int round = 1; round <= 2; round++) {
      report.append(run("per-JVM memory (before)", memory)).append('\n');
      report.append(run("PostgreSQL DeviceLedger", database)).append('\n');
    }
    System.out.print(report);
    Path out = Path.of("target/bench");
    Files.createDirectories(out);
    Files.writeString(out.resolve("device-guards.txt"), report);
  }

  private static String run(String name, Guard guard) throws Exception {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    AtomicLong clientCpu = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> workers = new ArrayList<>();
    long[] postgresCpuBefore = {0};
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      workers.add(
          pool.submit(
              () -> {
                for (int i = 0; i < WARM_UP; i++) {
                  admit(guard, thread, i);
                }
                start.await();
                long cpu = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < REQUESTS_PER_THREAD; i++) {
                  long begin = System.nanoTime();
                  boolean admitted = admit(guard, thread, i);
                  latencies.add(System.nanoTime() - begin);
                  assertThat(admitted).isTrue();
                }
                clientCpu.addAndGet(threads.getCurrentThreadCpuTime() - cpu);
                return null;
              }));
    }
    Thread.sleep(2_000); // the warm-up
    postgresCpuBefore[0] = postgresCpuNanos();
    long begin = System.nanoTime();
    start.countDown();
    for (Future<?> worker : workers) {
      worker.get();
    }
    long wall = System.nanoTime() - begin;
    long postgresCpu = postgresCpuNanos() - postgresCpuBefore[0];
    pool.shutdown();
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    int n = sorted.size();
    return String.format(
        Locale.ROOT,
        "%-26s median %7.1f us  p90 %7.1f us  p99 %7.1f us  %8.0f req/s  client CPU %6.1f"
            + " us/req  PostgreSQL CPU %6.1f us/req",
        name,
        sorted.get(n / 2) / 1e3,
        sorted.get(n * 9 / 10) / 1e3,
        sorted.get(n * 99 / 100) / 1e3,
        n / (wall / 1e9),
        clientCpu.get() / 1e3 / n,
        postgresCpu / 1e3 / n);
  }

  private static boolean admit(Guard guard, int thread, int i) {
    return guard.admit(
        UUID.randomUUID() + "-" + thread + "-" + i,
        "bench-door:" + ((thread * 7 + i) % DOORS),
        System.currentTimeMillis());
  }

  /**
   * CPU time (user + system) of the embedded PostgreSQL server: its postmaster (found by its port
   * on the command line; other servers run on this machine too) and the postmaster's children.
   */
  private static long postgresCpuNanos() {
    String port = "-p " + TestDatabases.postgresPort();
    List<ProcessHandle> server =
        ProcessHandle.allProcesses()
            .filter(p -> p.info().commandLine().filter(c -> c.contains(port)).isPresent())
            .filter(p -> p.info().command().filter(c -> c.endsWith("postgres")).isPresent())
            .toList();
    assertThat(server).as("the embedded PostgreSQL postmaster").isNotEmpty();
    List<ProcessHandle> processes = new ArrayList<>(server);
    server.forEach(p -> processes.addAll(p.descendants().toList()));
    long ticks = 0;
    for (ProcessHandle child : processes) {
      try {
        String[] stat =
            Files.readString(Path.of("/proc", Long.toString(child.pid()), "stat"))
                .replaceFirst("^.*\\) ", "")
                .split(" ");
        // Fields 14 and 15 of /proc/PID/stat (utime, stime), counted after the command's ") ".
        ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
      } catch (java.io.IOException | RuntimeException e) {
        // A backend that exited meanwhile: its time is lost to both readings alike.
      }
    }
    return ticks * 10_000_000L; // USER_HZ = 100
  }
}
