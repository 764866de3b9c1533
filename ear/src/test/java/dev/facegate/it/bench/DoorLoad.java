package dev.facegate.it.bench;

import dev.facegate.it.support.Api;
import dev.facegate.it.support.DoorClient;
import dev.facegate.it.support.Management;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A closed-loop load of signed door frames: {@code threads} workers send {@code requests} frames in
 * all, spread over the doors, alternating an enrolled person's photo and a stranger's.
 */
final class DoorLoad {

  /** The server's histogram of a door decision's stages (Micrometer, Prometheus names). */
  static final String DECISION_STAGE = "facegate_decision_stage_seconds";

  private DoorLoad() {}

  /** Latency percentiles in milliseconds, throughput in requests per second. */
  record Result(
      int requests, int errors, double median, double p90, double p99, double throughput) {

    /** One line for the bench's report; {@code name} first. */
    String line(String name) {
      return String.format(
          Locale.ROOT,
          "%-14s requests %4d  errors %d  median %6.1f ms  p90 %6.1f ms  p99 %6.1f ms  throughput %5.1f req/s",
          name,
          requests,
          errors,
          median,
          p90,
          p99,
          throughput);
    }
  }

  static Result run(
      List<DoorClient> doors, byte[] member, byte[] stranger, int threads, int requests)
      throws Exception {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(
            pool.submit(
                () -> {
                  int i;
                  while ((i = next.getAndIncrement()) < requests) {
                    DoorClient door = doors.get(i % doors.size());
                    long t0 = System.nanoTime();
                    Api.Reply reply = door.decide(i % 2 == 0 ? member : stranger);
                    latencies.add(System.nanoTime() - t0);
                    if (reply.status() != 200) {
                      errors.incrementAndGet();
                    }
                  }
                }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    } finally {
      pool.shutdown();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    return new Result(
        requests,
        errors.get(),
        percentile(sorted, 0.50),
        percentile(sorted, 0.90),
        percentile(sorted, 0.99),
        requests / seconds);
  }

  private static double percentile(List<Long> sorted, double p) {
    int index = (int) Math.ceil(p * sorted.size()) - 1;
    return sorted.get(Math.max(0, index)) / 1e6;
  }

  /** Per stage: [count, sum seconds]. */
  static Map<String, double[]> stages(Management metrics) {
    Map<String, double[]> stages = new java.util.TreeMap<>();
    for (String stage : List.of("detect", "embed", "search", "database", "inference")) {
      stages.put(
          stage,
          new double[] {
            metrics.sum(DECISION_STAGE + "_count", Map.of("stage", stage)),
            metrics.sum(DECISION_STAGE + "_sum", Map.of("stage", stage))
          });
    }
    return stages;
  }

  /** Mean milliseconds per stage between two {@link #stages} readings. */
  static String stageMeans(Map<String, double[]> before, Map<String, double[]> after) {
    StringBuilder text = new StringBuilder();
    for (String stage : before.keySet()) {
      double count = after.get(stage)[0] - before.get(stage)[0];
      if (count > 0) {
        double mean = (after.get(stage)[1] - before.get(stage)[1]) / count * 1000;
        text.append(String.format(Locale.ROOT, "%s %.1f (n=%d)  ", stage, mean, (long) count));
      }
    }
    return text.toString().strip();
  }

  /** The 1-, 5- and 15-minute load averages and the run queue, as the kernel reports them. */
  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }
}
