package dev.facegate.models.cli;

import com.google.gson.Gson;
import dev.facegate.models.detection.FaceDetector;
import dev.facegate.models.image.ImageDecoder;
import dev.facegate.models.image.RgbImage;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.PrintStream;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code bench IMAGE}: detection latency on one frame, median and 90th percentile over repeated
 * runs after a warm-up (the first runs pay for native initialisation, kernel selection and the JIT
 * compiler; the JIT and GC time that still falls into the timed runs is printed).
 */
final class BenchCommand implements Command {

  @Override
  public String name() {
    return "bench";
  }

  @Override
  public String usage() {
    return "bench IMAGE [--size 640x480] [--runs 50] [--warmup 10] [--json]   detection latency\n"
        + "  --size WxH           resize the image to this frame size first (default 640x480)\n"
        + "  --runs N             timed runs, at least 50 (default 50)\n"
        + "  --warmup N           untimed runs first (default 10)\n"
        + "  --json               print the figures as one JSON line last\n"
        + "  --compare            also time the detector before issue 16 (--cascade original\n"
        + "                       --split off), one run of each in turn, and print both and\n"
        + "                       their ratios\n"
        + "  --compare-split      also time the same detector with --split off, one run of each in\n"
        + "                       turn, and print both and their ratios\n"
        + DetectorOptions.USAGE;
  }

  @Override
  public Set<String> switches() {
    return Set.of("json", "compare", "compare-split");
  }

  @Override
  public int run(Args args, PrintStream out, PrintStream err) throws Exception {
    if (args.positionals().size() != 1) {
      throw new UsageException("give exactly one image");
    }
    String[] size = args.option("size").orElse("640x480").split("x");
    int width;
    int height;
    try {
      width = Integer.parseInt(size[0]);
      height = Integer.parseInt(size[1]);
    } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
      throw new UsageException("--size must be WIDTHxHEIGHT");
    }
    int runs = args.intOption("runs", 50);
    int warmup = args.intOption("warmup", 10);
    if (runs < 50) {
      throw new UsageException("--runs must be at least 50 for a stable p90");
    }
    boolean json = args.flag("json");
    boolean compare = args.flag("compare");
    boolean compareSplit = args.flag("compare-split");
    if (compare && compareSplit) {
      throw new UsageException("give --compare or --compare-split, not both");
    }
    FaceDetector.Builder builder = DetectorOptions.builder(args);
    ImageDecoder decoder = DetectorOptions.decoder(args);
    args.checkAllUsed();
    Path file = Path.of(args.positionals().get(0));
    RgbImage frame = resize(decoder.decodeRgb(file), width, height);
    List<FaceDetector> detectors = new ArrayList<>();
    try {
      detectors.add(build(builder));
      if (compare) {
        detectors.add(build(builder.optOptimised(false).optSplitDetections(false)));
      } else if (compareSplit) {
        detectors.add(build(builder.optSplitDetections(false)));
      }
      int n = detectors.size();
      int[] faces = new int[n];
      for (int i = 0; i < warmup; i++) {
        for (int d = 0; d < n; d++) {
          detectors.get(d).detect(frame);
        }
      }
      // One run of each detector in turn, so that both see the same load on a shared machine.
      double[][] ms = new double[n][runs];
      long[] cpu = new long[n];
      long jitBefore = jitMillis();
      long gcBefore = gcMillis();
      for (int i = 0; i < runs; i++) {
        for (int d = 0; d < n; d++) {
          long c = processCpuNanos();
          long t = System.nanoTime();
          // The count of the last timed run is reported (also with --warmup 0).
          faces[d] = detectors.get(d).detect(frame).size();
          ms[d][i] = (System.nanoTime() - t) / 1e6;
          cpu[d] += processCpuNanos() - c;
        }
      }
      // The JIT compiler's and the collector's threads count in the process CPU time. The compiler
      // measured 0.9-1.7 s per 100 runs of faces.jpg whether 10 or 100 runs warmed up (its tail of
      // rarely taken paths), so the figure says how much of that CPU is not the detector's.
      long jitMs = jitMillis() - jitBefore;
      long gcMs = gcMillis() - gcBefore;
      List<Map<String, Object>> all = new ArrayList<>();
      for (int d = 0; d < n; d++) {
        FaceDetector detector = detectors.get(d);
        // CPU time of the whole process (Java and native engine threads) per run: unlike wall time
        // it hardly changes when other processes compete for the cores.
        double cpuMs = cpu[d] / 1e6 / runs;
        double[] sorted = ms[d].clone();
        Arrays.sort(sorted);
        double median = percentile(sorted, 50);
        double p90 = percentile(sorted, 90);
        String cascade = detector.isOptimised() ? "optimised" : "original";
        String split = detector.isSplitting() ? "split" : "one thread";
        out.printf(
            "%s %dx%d, min face %d, %s cascade (%s), %s on %s: median %.1f ms, p90 %.1f ms, min %.1f ms,"
                + " process CPU %.1f ms per run (%d runs after %d warm-up, %d faces)%n",
            file.getFileName(),
            width,
            height,
            detector.getMinFaceSize(),
            cascade,
            split,
            detector.getEngineName(),
            detector.getDevice(),
            median,
            p90,
            sorted[0],
            cpuMs,
            runs,
            warmup,
            faces[d]);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("image", file.toString());
        figures.put("width", width);
        figures.put("height", height);
        figures.put("minFace", detector.getMinFaceSize());
        figures.put("cascade", cascade);
        figures.put("split", detector.isSplitting());
        figures.put("engine", detector.getEngineName());
        figures.put("device", detector.getDevice().toString());
        figures.put("runs", runs);
        figures.put("warmup", warmup);
        figures.put("faces", faces[d]);
        figures.put("medianMs", median);
        figures.put("p90Ms", p90);
        figures.put("minMs", sorted[0]);
        figures.put("cpuMsPerRun", cpuMs);
        figures.put("jitMsDuringRuns", jitMs);
        figures.put("gcMsDuringRuns", gcMs);
        all.add(figures);
      }
      out.printf(
          "during the timed runs: JIT compilation %d ms, GC %d ms (all detectors together)%n",
          jitMs, gcMs);
      if (compare || compareSplit) {
        out.printf(
            (compare ? "new / before issue 16" : "split / one thread")
                + ": median %.2f, CPU per run %.2f%n",
            (double) all.get(0).get("medianMs") / (double) all.get(1).get("medianMs"),
            (double) all.get(0).get("cpuMsPerRun") / (double) all.get(1).get("cpuMsPerRun"));
      }
      if (json) {
        out.println(new Gson().toJson(n > 1 ? all : all.get(0)));
      }
    } finally {
      detectors.forEach(FaceDetector::close);
    }
    return 0;
  }

  private static FaceDetector build(FaceDetector.Builder builder) throws UsageException {
    try {
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : -1;
  }

  /** Milliseconds the JIT compiler has spent so far, or 0 where the JVM does not say. */
  private static long jitMillis() {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    return jit != null && jit.isCompilationTimeMonitoringSupported()
        ? jit.getTotalCompilationTime()
        : 0;
  }

  /** Milliseconds of garbage collection so far, all collectors. */
  private static long gcMillis() {
    long total = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, gc.getCollectionTime());
    }
    return total;
  }

  /** Nearest-rank percentile of sorted values. */
  static double percentile(double[] sorted, double p) {
    int rank = (int) Math.ceil(p / 100 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  private static RgbImage resize(RgbImage image, int width, int height) {
    if (image.width() == width && image.height() == height) {
      return image;
    }
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(image.toBufferedImage(), 0, 0, width, height, null);
    g.dispose();
    return RgbImage.of(out);
  }
}
