package dev.facegate.models.cli;

import com.google.gson.Gson;
import dev.facegate.models.embedding.Embedding;
import dev.facegate.models.pipeline.EmbeddedFace;
import dev.facegate.models.pipeline.FacePipeline;
import dev.facegate.models.pipeline.PhotoResult;
import dev.facegate.models.pipeline.PhotoStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * {@code throughput PHOTO|DIR...}: whole photos (decode, detect, align, embed) per CPU-second and
 * per wall-clock second, the way {@code verify} processes them (one photo per worker, {@code
 * --threads} workers) against a {@link PhotoStream} (detection overlapped with batched embedding),
 * in alternating rounds in one process so that both see the same load.
 */
final class ThroughputCommand implements Command {

  private static final Set<String> IMAGE_SUFFIXES = Set.of(".jpg", ".jpeg", ".png", ".bmp");

  @Override
  public String name() {
    return "throughput";
  }

  @Override
  public String usage() {
    return "throughput PHOTO|DIR... [--rounds 5] [--json]   whole photos per CPU-second, old vs new\n"
        + "  PHOTO|DIR            images, or folders searched recursively for .jpg/.jpeg/.png/.bmp\n"
        + "  --rounds N           timed rounds of each path over all photos, alternating (default 5);\n"
        + "                       one untimed round of each comes first\n"
        + "  --threads N          workers of the photo-by-photo path, as verify (default: processors)\n"
        + "  --detect-threads N   detection threads of the stream (default: processors)\n"
        + "  --batch N            most chips the stream embeds in one call (default 16)\n"
        + "  --limit N            use at most the first N photos (sorted by path)\n"
        + "  --json               print the figures as one JSON line last\n"
        + PipelineOptions.USAGE;
  }

  @Override
  public Set<String> switches() {
    return Set.of("json", "fallback");
  }

  @Override
  public int run(Args args, PrintStream out, PrintStream err) throws Exception {
    if (args.positionals().isEmpty()) {
      throw new UsageException("give at least one photo or folder");
    }
    int processors = Runtime.getRuntime().availableProcessors();
    int rounds = args.intOption("rounds", 5);
    int threads = args.intOption("threads", processors);
    int detectThreads = args.intOption("detect-threads", processors);
    int batch = args.intOption("batch", PhotoStream.DEFAULT_MAX_BATCH);
    int limit = args.intOption("limit", Integer.MAX_VALUE);
    boolean json = args.flag("json");
    if (rounds < 1 || threads < 1 || detectThreads < 1 || batch < 1 || limit < 1) {
      throw new UsageException(
          "--rounds, --threads, --detect-threads, --batch, --limit must be >= 1");
    }
    List<Path> files = collect(args.positionals());
    if (files.size() > limit) {
      files = files.subList(0, limit);
    }
    if (files.isEmpty()) {
      throw new UsageException("no images found in " + args.positionals());
    }
    List<byte[]> photos = new ArrayList<>(files.size());
    for (Path f : files) {
      photos.add(Files.readAllBytes(f));
    }
    double loadBefore = loadAverage();
    try (PipelineOptions options = PipelineOptions.open(args)) {
      FacePipeline pipeline = options.pipeline();
      PhotoStream stream =
          PhotoStream.builder()
              .setPipeline(pipeline)
              .optDetectThreads(detectThreads)
              .optMaxBatch(batch)
              .build();
      err.printf(
          Locale.ROOT,
          "%d photos (first %s), %d rounds of each path after one untimed%n",
          photos.size(),
          files.get(0),
          rounds);
      Figures old = new Figures();
      Figures streamed = new Figures();
      List<PhotoResult> oldResults = photoByPhoto(pipeline, photos, threads);
      List<PhotoResult> newResults = stream.processEncoded(photos);
      for (int r = 0; r < rounds; r++) {
        oldResults = old.time(() -> photoByPhoto(pipeline, photos, threads));
        newResults = streamed.time(() -> stream.processEncoded(photos));
        err.printf(
            Locale.ROOT,
            "round %d: photo by photo %.2f s, stream %.2f s%n",
            r + 1,
            old.wall.get(r),
            streamed.wall.get(r));
      }
      double loadAfter = loadAverage();
      Agreement agreement = Agreement.of(oldResults, newResults);
      long faces = oldResults.stream().filter(p -> !p.faces().isEmpty()).count();
      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put("photos", photos.size());
      figures.put("photosWithEmbedding", faces);
      figures.put("rounds", rounds);
      figures.put("processors", processors);
      figures.put("old", old.summary(photos.size(), "photo by photo, " + threads + " workers"));
      figures.put(
          "new",
          streamed.summary(
              photos.size(),
              "stream, "
                  + detectThreads
                  + " detection thread(s) + 1 embedding thread, batches of up to "
                  + batch
                  + " chips"));
      double cpuRatio =
          streamed.photosPerCpuSecond(photos.size()) / old.photosPerCpuSecond(photos.size());
      double wallRatio = streamed.medianWall() / old.medianWall();
      figures.put("newOverOldPhotosPerCpuSecond", cpuRatio);
      figures.put("newOverOldMedianWall", wallRatio);
      figures.put("sameStatusAndFaceCount", agreement.same);
      figures.put("maxEmbeddingL2Difference", agreement.maxL2);
      figures.put("loadAverageBefore", loadBefore);
      figures.put("loadAverageAfter", loadAfter);
      for (String mode : List.of("old", "new")) {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) figures.get(mode);
        out.printf(
            Locale.ROOT,
            "%s (%s): median round %.2f s (%.1f photos/s), %.1f photos per CPU-second"
                + " (%.1f ms CPU per photo), %.1f MB Java heap allocated per photo%n",
            mode,
            m.get("how"),
            m.get("medianWallSeconds"),
            m.get("photosPerSecond"),
            m.get("photosPerCpuSecond"),
            m.get("cpuMsPerPhoto"),
            m.get("javaHeapMbAllocatedPerPhoto"));
      }
      out.printf(
          Locale.ROOT,
          "new / old: photos per CPU-second %.2fx, median round wall time %.2fx%n",
          cpuRatio,
          wallRatio);
      out.printf(
          Locale.ROOT,
          "agreement: %d of %d photos with the same status and face count, largest embedding"
              + " difference L2 %.2g; %d photos with an embedding; load average %.1f -> %.1f%n",
          agreement.same,
          photos.size(),
          agreement.maxL2,
          faces,
          loadBefore,
          loadAfter);
      if (json) {
        out.println(new Gson().toJson(figures));
      }
    }
    return 0;
  }

  /** The old path: one photo per worker, as {@code verify}'s {@code VerificationRun}. */
  private static List<PhotoResult> photoByPhoto(
      FacePipeline pipeline, List<byte[]> photos, int threads) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<PhotoResult>> futures = new ArrayList<>(photos.size());
      for (byte[] p : photos) {
        futures.add(pool.submit(() -> pipeline.process(p)));
      }
      List<PhotoResult> results = new ArrayList<>(photos.size());
      for (Future<PhotoResult> f : futures) {
        results.add(f.get());
      }
      return results;
    } catch (ExecutionException e) {
      throw new IllegalStateException("processing failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  static List<Path> collect(List<String> arguments) throws IOException, UsageException {
    List<Path> files = new ArrayList<>();
    for (String a : arguments) {
      Path p = Path.of(a);
      if (Files.isDirectory(p)) {
        try (Stream<Path> walk = Files.walk(p)) {
          walk.filter(Files::isRegularFile)
              .filter(ThroughputCommand::isImage)
              .sorted()
              .forEach(files::add);
        }
      } else if (Files.isRegularFile(p)) {
        files.add(p);
      } else {
        throw new UsageException("no such photo or folder: " + a);
      }
    }
    return files;
  }

  private static boolean isImage(Path p) {
    String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
    int dot = name.lastIndexOf('.');
    return dot >= 0 && IMAGE_SUFFIXES.contains(name.substring(dot));
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  /**
   * Bytes the JVM's threads have allocated on the heap so far (not native engine memory), or 0
   * where the JVM cannot tell.
   */
  private static long allocatedBytes() {
    return ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
            && t.isThreadAllocatedMemorySupported()
        ? t.getTotalThreadAllocatedBytes()
        : 0;
  }

  private static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : -1;
  }

  @FunctionalInterface
  private interface Round {
    List<PhotoResult> run() throws InterruptedException;
  }

  /** Wall and process CPU time of each round of one path. */
  private static final class Figures {
    private final List<Double> wall = new ArrayList<>();
    private long cpuNanos;
    private long allocatedBytes;

    List<PhotoResult> time(Round round) throws InterruptedException {
      long a = allocatedBytes();
      long c = processCpuNanos();
      long t = System.nanoTime();
      List<PhotoResult> results = round.run();
      wall.add((System.nanoTime() - t) / 1e9);
      cpuNanos += processCpuNanos() - c;
      allocatedBytes += allocatedBytes() - a;
      return results;
    }

    double medianWall() {
      double[] sorted = wall.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      return BenchCommand.percentile(sorted, 50);
    }

    double photosPerCpuSecond(int photos) {
      return photos * wall.size() / (cpuNanos / 1e9);
    }

    Map<String, Object> summary(int photos, String how) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("how", how);
      m.put("roundWallSeconds", List.copyOf(wall));
      m.put("medianWallSeconds", medianWall());
      m.put("photosPerSecond", photos / medianWall());
      m.put("photosPerCpuSecond", photosPerCpuSecond(photos));
      m.put("cpuMsPerPhoto", cpuNanos / 1e6 / (photos * wall.size()));
      m.put("javaHeapMbAllocatedPerPhoto", allocatedBytes / 1e6 / (photos * wall.size()));
      return m;
    }
  }

  /** How far the stream's results are from the photo-by-photo ones. */
  private record Agreement(int same, double maxL2) {
    static Agreement of(List<PhotoResult> a, List<PhotoResult> b) {
      int same = 0;
      double max = 0;
      for (int i = 0; i < a.size(); i++) {
        PhotoResult x = a.get(i);
        PhotoResult y = b.get(i);
        if (x.status() != y.status() || x.faces().size() != y.faces().size()) {
          continue;
        }
        same++;
        for (int f = 0; f < x.faces().size(); f++) {
          max = Math.max(max, l2(x.faces().get(f), y.faces().get(f)));
        }
      }
      return new Agreement(same, max);
    }

    private static double l2(EmbeddedFace x, EmbeddedFace y) {
      Embedding ex = x.embedding();
      Embedding ey = y.embedding();
      float[] u = ex.vector();
      float[] v = ey.vector();
      double s = 0;
      for (int k = 0; k < u.length; k++) {
        s += (u[k] - v[k]) * (double) (u[k] - v[k]);
      }
      return Math.sqrt(s);
    }
  }
}
