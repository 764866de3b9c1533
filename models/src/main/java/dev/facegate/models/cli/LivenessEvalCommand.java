package dev.facegate.models.cli;

import com.google.gson.GsonBuilder;
import dev.facegate.models.comparison.Similarity;
import dev.facegate.models.embedding.Embedding;
import dev.facegate.models.geometry.Box;
import dev.facegate.models.geometry.Point;
import dev.facegate.models.image.RgbImage;
import dev.facegate.models.liveness.ChallengeVerifier;
import dev.facegate.models.liveness.ChallengeVerifier.Direction;
import dev.facegate.models.liveness.ChallengeVerifier.Settings;
import dev.facegate.models.liveness.HeadPose;
import dev.facegate.models.liveness.Homography;
import dev.facegate.models.liveness.MotionCheck;
import dev.facegate.models.pipeline.EmbeddedFace;
import dev.facegate.models.pipeline.FacePipeline;
import dev.facegate.models.pipeline.PhotoResult;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;

/**
 * {@code liveness-eval}: APCER and BPCER (ISO/IEC 30107-3 terms) of the head-turn challenge and of
 * the passive motion check alone, on bona fide and simulated attack sequences built at run time
 * from the AT&T photos.
 *
 * <p>Bona fide: per subject and side, the subject's own photos ordered by estimated yaw (frontal,
 * turning, the most turned, back, frontal), when the most turned one reaches the bona fide turn.
 * Attacks, each from one frontal photo of the subject held up as a print: (a) repeated with jitter
 * and noise, (b) moved by a random walk of similarity transforms, (c) turned about its vertical
 * axis by a perspective warp up to 40 degrees towards the asked side, (d) the subject's photo
 * followed by another subject's bona fide sequence. Seeded: the same arguments give the same
 * figures.
 */
final class LivenessEvalCommand implements Command {

  private static final int PHOTOS_PER_SUBJECT = 10;
  private static final double[] RESIDUAL_SWEEP = {
    0, 0.005, 0.01, 0.015, 0.02, 0.025, 0.03, 0.04, 0.05, 0.06, 0.08
  };
  private static final double[][] YAW_SWEEP = {{8, 15}, {10, 15}, {10, 20}, {10, 25}, {12, 20}};
  private static final double[] SIMILARITY_SWEEP = {0.80, 0.85, 0.88, 0.90, 0.92};
  private static final double[] JUMP_SWEEP = {0.3, 0.5, 0.75, 1.0, 1.5};

  /** The kinds of sequence, bona fide first. */
  enum Kind {
    BONA_FIDE("bona fide head turn"),
    A_STILL("(a) still print, jitter and noise"),
    B_MOVED("(b) print moved by similarities"),
    C_TILTED("(c) print turned up to 40 deg"),
    D_REPLAY("(d) other person's turn after the print");

    final String label;

    Kind(String label) {
      this.label = label;
    }
  }

  /** One face seen in one frame; null stands for a frame without a face. */
  record Seen(List<Point> landmarks, Box box, Embedding embedding) {}

  record Sequence(Kind kind, String subject, Direction asked, List<Seen> frames) {}

  @Override
  public String name() {
    return "liveness-eval";
  }

  @Override
  public String usage() {
    return "liveness-eval [--att DIR] [--seed N] [--json]   APCER/BPCER of the liveness checks\n"
        + "  --att DIR            the AT&T faces folder with png/sN/M.png\n"
        + "                       (default ../shared/data/faces/att_orl_faces)\n"
        + "  --subjects N         use subjects s1..sN (default 40)\n"
        + "  --seed N             seed of the attack simulation (default 15)\n"
        + "  --frame-ms N         time between frames (default 200)\n"
        + "  --bona-fide-turn D   a subject's series is a bona fide turn when its most turned\n"
        + "                       photo reaches D degrees of estimated yaw (default 20)\n"
        + "  --threads N          parallel workers (default 1)\n"
        + "  --json               print the figures as one JSON object on the last line\n"
        + PipelineOptions.USAGE;
  }

  @Override
  public Set<String> switches() {
    return Set.of("json", "fallback");
  }

  @Override
  public int run(Args args, PrintStream out, PrintStream err) throws Exception {
    if (!args.positionals().isEmpty()) {
      throw new UsageException("unexpected argument " + args.positionals().get(0));
    }
    Path att = Path.of(args.option("att").orElse("../shared/data/faces/att_orl_faces"));
    int subjects = args.intOption("subjects", 40);
    long seed = args.intOption("seed", 15);
    int frameMs = args.intOption("frame-ms", 200);
    double bonaFideTurn = args.doubleOption("bona-fide-turn", 20);
    int threads = args.intOption("threads", 1);
    boolean json = args.flag("json");
    if (subjects < 2 || frameMs < 1 || threads < 1) {
      throw new UsageException("need --subjects >= 2, --frame-ms >= 1, --threads >= 1");
    }
    List<int[][]> photos = new ArrayList<>();
    int width = 0;
    int height = 0;
    for (int s = 1; s <= subjects; s++) {
      int[][] subject = new int[PHOTOS_PER_SUBJECT][];
      for (int i = 1; i <= PHOTOS_PER_SUBJECT; i++) {
        Path file = att.resolve("png/s" + s + "/" + i + ".png");
        if (!Files.isRegularFile(file)) {
          throw new UsageException("no AT&T photo at " + file);
        }
        BufferedImage image = ImageIO.read(file.toFile());
        width = image.getWidth();
        height = image.getHeight();
        subject[i - 1] = gray(image);
      }
      photos.add(subject);
    }
    long started = System.nanoTime();
    List<List<Sequence>> perSubject;
    try (PipelineOptions options = PipelineOptions.open(args)) {
      err.printf(
          Locale.ROOT,
          "%d subjects, seed %d, %d workers, %s engine%n",
          subjects,
          seed,
          threads,
          options.embedder().engineName());
      perSubject =
          simulate(options.pipeline(), photos, width, height, seed, bonaFideTurn, threads, err);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    List<Sequence> all = new ArrayList<>();
    perSubject.forEach(all::addAll);
    all.addAll(replays(perSubject));
    Map<String, Object> report = evaluate(all, frameMs);
    report.put("subjects", subjects);
    report.put("seed", seed);
    report.put("frameMs", frameMs);
    report.put("bonaFideTurnDegrees", bonaFideTurn);
    report.put("seconds", Math.round(seconds * 10) / 10.0);
    out.print(table(report));
    if (json) {
      out.println(new GsonBuilder().serializeSpecialFloatingPointValues().create().toJson(report));
    }
    return 0;
  }

  /** Detects and embeds every frame of every subject's sequences. */
  private static List<List<Sequence>> simulate(
      FacePipeline pipeline,
      List<int[][]> photos,
      int width,
      int height,
      long seed,
      double bonaFideTurn,
      int threads,
      PrintStream err)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<List<Sequence>>> futures = new ArrayList<>();
      for (int s = 0; s < photos.size(); s++) {
        int index = s;
        futures.add(
            pool.submit(
                () ->
                    subjectSequences(
                        pipeline,
                        "s" + (index + 1),
                        photos.get(index),
                        width,
                        height,
                        new Random(seed * 1_000_003L + index),
                        bonaFideTurn)));
      }
      List<List<Sequence>> out = new ArrayList<>();
      for (Future<List<Sequence>> f : futures) {
        out.add(f.get());
        err.printf("%d / %d subjects%n", out.size(), photos.size());
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<Sequence> subjectSequences(
      FacePipeline pipeline,
      String subject,
      int[][] photos,
      int width,
      int height,
      Random random,
      double bonaFideTurn) {
    Homography flat = SyntheticCamera.centred(width, height);
    List<Seen> seen = new ArrayList<>();
    for (int[] photo : photos) {
      seen.add(see(pipeline, SyntheticCamera.render(photo, width, height, flat, 0, random)));
    }
    List<Sequence> out = new ArrayList<>();
    int frontal = -1;
    for (int i = 0; i < seen.size(); i++) {
      if (seen.get(i) != null
          && (frontal < 0 || Math.abs(yaw(seen.get(i))) < Math.abs(yaw(seen.get(frontal))))) {
        frontal = i;
      }
    }
    if (frontal < 0) {
      return out; // no photo of this subject has a face: no sequence can be built
    }
    for (Direction d : Direction.values()) {
      bonaFide(subject, seen, frontal, d, bonaFideTurn).ifPresent(out::add);
    }
    int[] print = photos[frontal];
    Direction asked = random.nextBoolean() ? Direction.LEFT : Direction.RIGHT;
    List<Seen> still = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      Homography jitter =
          SyntheticCamera.similarity(
              1 + 0.01 * random.nextGaussian(),
              0.5 * random.nextGaussian(),
              1.5 * random.nextGaussian(),
              1.5 * random.nextGaussian());
      still.add(
          see(
              pipeline,
              SyntheticCamera.render(print, width, height, jitter.after(flat), 4, random)));
    }
    out.add(new Sequence(Kind.A_STILL, subject, asked, still));
    asked = random.nextBoolean() ? Direction.LEFT : Direction.RIGHT;
    List<Seen> moved = new ArrayList<>();
    double scale = 1;
    double angle = 0;
    double dx = 0;
    double dy = 0;
    for (int i = 0; i < 12; i++) {
      moved.add(
          see(
              pipeline,
              SyntheticCamera.render(
                  print,
                  width,
                  height,
                  SyntheticCamera.similarity(scale, angle, dx, dy).after(flat),
                  3,
                  random)));
      scale = clamp(scale * (1 + 0.05 * (2 * random.nextDouble() - 1)), 0.8, 1.2);
      angle = clamp(angle + 5 * (2 * random.nextDouble() - 1), -20, 20);
      dx = clamp(dx + 10 * (2 * random.nextDouble() - 1), -30, 30);
      dy = clamp(dy + 10 * (2 * random.nextDouble() - 1), -30, 30);
    }
    out.add(new Sequence(Kind.B_MOVED, subject, asked, moved));
    asked = random.nextBoolean() ? Direction.LEFT : Direction.RIGHT;
    List<Seen> tilted = new ArrayList<>();
    double[] angles = {0, 10, 20, 30, 40, 30, 20, 10, 0};
    for (double a : angles) {
      Homography turn =
          SyntheticCamera.turnedAboutVertical(
              a * asked.yawSign(), 3 * SyntheticCamera.PHOTO_SCALE * width);
      tilted.add(
          see(pipeline, SyntheticCamera.render(print, width, height, turn.after(flat), 3, random)));
    }
    out.add(new Sequence(Kind.C_TILTED, subject, asked, tilted));
    return out;
  }

  /** Frontal, up to four photos on the way, the most turned, the same back, frontal. */
  private static java.util.Optional<Sequence> bonaFide(
      String subject, List<Seen> seen, int frontal, Direction d, double bonaFideTurn) {
    double start = yaw(seen.get(frontal)) * d.yawSign();
    List<Seen> turned =
        seen.stream()
            .filter(s -> s != null && yaw(s) * d.yawSign() > start)
            .sorted((a, b) -> Double.compare(yaw(a) * d.yawSign(), yaw(b) * d.yawSign()))
            .toList();
    if (turned.isEmpty() || yaw(turned.get(turned.size() - 1)) * d.yawSign() < bonaFideTurn) {
      return java.util.Optional.empty();
    }
    List<Seen> way = new ArrayList<>();
    int between = turned.size() - 1;
    int keep = Math.min(4, between);
    for (int k = 1; k <= keep; k++) {
      way.add(turned.get((int) Math.round((double) k * between / (keep + 1))));
    }
    List<Seen> frames = new ArrayList<>();
    frames.add(seen.get(frontal));
    frames.addAll(way);
    frames.add(turned.get(turned.size() - 1));
    for (int k = way.size() - 1; k >= 0; k--) {
      frames.add(way.get(k));
    }
    frames.add(seen.get(frontal));
    return java.util.Optional.of(new Sequence(Kind.BONA_FIDE, subject, d, frames));
  }

  /** (d): two frames of one subject's frontal print, then the next subject's bona fide turn. */
  private static List<Sequence> replays(List<List<Sequence>> perSubject) {
    List<Sequence> out = new ArrayList<>();
    for (int s = 0; s < perSubject.size(); s++) {
      Sequence print =
          perSubject.get(s).stream().filter(q -> q.kind() == Kind.A_STILL).findFirst().orElse(null);
      if (print == null) {
        continue;
      }
      for (int k = 1; k < perSubject.size(); k++) {
        List<Sequence> other = perSubject.get((s + k) % perSubject.size());
        Sequence turn =
            other.stream().filter(q -> q.kind() == Kind.BONA_FIDE).findFirst().orElse(null);
        if (turn != null) {
          List<Seen> frames = new ArrayList<>();
          frames.add(print.frames().get(0));
          frames.add(print.frames().get(1));
          frames.addAll(turn.frames());
          out.add(new Sequence(Kind.D_REPLAY, print.subject(), turn.asked(), frames));
          break;
        }
      }
    }
    return out;
  }

  private static Map<String, Object> evaluate(List<Sequence> all, int frameMs) {
    Map<String, Object> report = new LinkedHashMap<>();
    Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
    for (Sequence q : all) {
      counts.merge(q.kind(), 1, Integer::sum);
    }
    report.put("sequences", counts);
    Settings defaults = Settings.DEFAULT;
    report.put("defaults", defaults.toString());
    report.put("active", active(all, defaults, frameMs));
    report.put("passive", passive(all, defaults.minResidual()));
    report.put("failures", failures(all, defaults, frameMs));
    List<Map<String, Object>> sweep = new ArrayList<>();
    for (double r : RESIDUAL_SWEEP) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("minResidual", r);
      row.put("passive", passive(all, r));
      row.put("active", active(all, defaults.withMinResidual(r), frameMs));
      sweep.add(row);
    }
    report.put("residualSweep", sweep);
    List<Map<String, Object>> yawSweep = new ArrayList<>();
    for (double[] y : YAW_SWEEP) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("frontalYaw", y[0]);
      row.put("turnYaw", y[1]);
      row.put("active", active(all, defaults.withYaw(y[0], y[1]), frameMs));
      yawSweep.add(row);
    }
    report.put("yawSweep", yawSweep);
    List<Map<String, Object>> simSweep = new ArrayList<>();
    for (double s : SIMILARITY_SWEEP) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("minSimilarity", s);
      row.put("active", active(all, defaults.withMinSimilarity(s), frameMs));
      simSweep.add(row);
    }
    report.put("similaritySweep", simSweep);
    List<Map<String, Object>> jumpSweep = new ArrayList<>();
    for (double j : JUMP_SWEEP) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("maxTrackJump", j);
      row.put("active", active(all, defaults.withMaxTrackJump(j), frameMs));
      jumpSweep.add(row);
    }
    report.put("trackJumpSweep", jumpSweep);
    Map<Kind, List<Double>> residuals = new EnumMap<>(Kind.class);
    for (Sequence q : all) {
      List<List<Point>> lm =
          q.frames().stream().filter(s -> s != null).map(Seen::landmarks).toList();
      residuals
          .computeIfAbsent(q.kind(), k -> new ArrayList<>())
          .add(MotionCheck.assess(lm).homographyResidual());
    }
    Map<Kind, double[]> quantiles = new EnumMap<>(Kind.class);
    residuals.forEach(
        (k, v) -> {
          double[] sorted = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
          quantiles.put(
              k,
              new double[] {
                sorted[0],
                sorted[(int) Math.floor(0.05 * (sorted.length - 1))],
                sorted[(sorted.length - 1) / 2],
                sorted[(int) Math.ceil(0.95 * (sorted.length - 1))],
                sorted[sorted.length - 1]
              });
        });
    report.put("residualQuantiles_min_p5_median_p95_max", quantiles);
    Map<Kind, double[]> peaks = new EnumMap<>(Kind.class);
    for (Kind k : Kind.values()) {
      double[] yaws =
          all.stream()
              .filter(q -> q.kind() == k)
              .mapToDouble(
                  q ->
                      q.frames().stream()
                          .filter(s -> s != null)
                          .mapToDouble(s -> yaw(s) * q.asked().yawSign())
                          .max()
                          .orElse(Double.NaN))
              .filter(Double::isFinite)
              .sorted()
              .toArray();
      if (yaws.length > 0) {
        peaks.put(k, new double[] {yaws[yaws.length / 2], yaws[yaws.length - 1]});
      }
    }
    report.put("peakYawTowardsAskedSide_median_max", peaks);
    return report;
  }

  /** Per kind: the error rate of the challenge (BPCER for bona fide, APCER for attacks). */
  private static Map<Kind, Double> active(List<Sequence> all, Settings settings, int frameMs) {
    Map<Kind, int[]> tally = new EnumMap<>(Kind.class);
    for (Sequence q : all) {
      boolean passed = challenge(q, settings, frameMs).passed();
      int[] t = tally.computeIfAbsent(q.kind(), k -> new int[2]);
      t[1]++;
      if (passed != (q.kind() == Kind.BONA_FIDE)) {
        t[0]++;
      }
    }
    return rates(tally);
  }

  /** Per kind: the error rate of the passive check alone at a residual bound. */
  private static Map<Kind, Double> passive(List<Sequence> all, double minResidual) {
    Map<Kind, int[]> tally = new EnumMap<>(Kind.class);
    for (Sequence q : all) {
      List<List<Point>> lm =
          q.frames().stream().filter(s -> s != null).map(Seen::landmarks).toList();
      boolean live = MotionCheck.assess(lm).looksThreeDimensional(minResidual) && lm.size() > 1;
      int[] t = tally.computeIfAbsent(q.kind(), k -> new int[2]);
      t[1]++;
      if (live != (q.kind() == Kind.BONA_FIDE)) {
        t[0]++;
      }
    }
    return rates(tally);
  }

  private static Map<Kind, Map<String, Integer>> failures(
      List<Sequence> all, Settings settings, int frameMs) {
    Map<Kind, Map<String, Integer>> out = new EnumMap<>(Kind.class);
    for (Sequence q : all) {
      ChallengeVerifier.Result r = challenge(q, settings, frameMs);
      String why = r.failure().map(Enum::name).orElse("PASSED");
      out.computeIfAbsent(q.kind(), k -> new LinkedHashMap<>()).merge(why, 1, Integer::sum);
    }
    return out;
  }

  static ChallengeVerifier.Result challenge(Sequence q, Settings settings, int frameMs) {
    ChallengeVerifier v = ChallengeVerifier.start(settings, q.asked());
    Instant t0 = Instant.parse("2026-01-01T08:00:00Z");
    Embedding first = null;
    Instant last = t0;
    for (int i = 0; i < q.frames().size(); i++) {
      Seen s = q.frames().get(i);
      last = t0.plusMillis((long) i * frameMs);
      if (s == null) {
        continue;
      }
      if (first == null) {
        first = s.embedding();
      }
      double sim = Similarity.cosine(first, s.embedding());
      v = v.withFrame(new ChallengeVerifier.Frame(last, s.landmarks(), s.box(), sim));
    }
    v = v.expireIfDue(last.plus(settings.timeLimit()).plus(Duration.ofSeconds(1)));
    if (v.outcome().isEmpty()) {
      // No frame with a face at all: the clock never started, and nothing passed.
      return new ChallengeVerifier.Result(
          false,
          java.util.Optional.of(ChallengeVerifier.Failure.TIMED_OUT),
          last,
          0,
          0,
          "no face in any frame");
    }
    return v.outcome().get();
  }

  private static Map<Kind, Double> rates(Map<Kind, int[]> tally) {
    Map<Kind, Double> out = new EnumMap<>(Kind.class);
    tally.forEach((k, t) -> out.put(k, t[1] == 0 ? Double.NaN : (double) t[0] / t[1]));
    return out;
  }

  @SuppressWarnings("unchecked")
  private static String table(Map<String, Object> report) {
    StringBuilder b = new StringBuilder();
    Map<Kind, Integer> counts = (Map<Kind, Integer>) report.get("sequences");
    Map<Kind, Double> active = (Map<Kind, Double>) report.get("active");
    Map<Kind, Double> passive = (Map<Kind, Double>) report.get("passive");
    b.append("Simulated presentation attacks on AT&T photos (not a certified PAD evaluation)\n");
    b.append("defaults: ").append(report.get("defaults")).append('\n');
    b.append(
        String.format(
            Locale.ROOT,
            "%-44s %5s  %-8s %8s %8s%n",
            "sequences",
            "n",
            "rate",
            "active",
            "passive"));
    for (Kind k : Kind.values()) {
      b.append(
          String.format(
              Locale.ROOT,
              "%-44s %5d  %-8s %7.1f%% %7.1f%%%n",
              k.label,
              counts.getOrDefault(k, 0),
              k == Kind.BONA_FIDE ? "BPCER" : "APCER",
              100 * active.getOrDefault(k, Double.NaN),
              100 * passive.getOrDefault(k, Double.NaN)));
    }
    b.append("challenge outcomes: ").append(report.get("failures")).append('\n');
    b.append("residual sweep (passive | active), error % per kind in the order above:\n");
    for (Map<String, Object> row : (List<Map<String, Object>>) report.get("residualSweep")) {
      b.append(
          String.format(
              Locale.ROOT,
              "  minResidual %.3f  passive %s  active %s%n",
              row.get("minResidual"),
              percents((Map<Kind, Double>) row.get("passive")),
              percents((Map<Kind, Double>) row.get("active"))));
    }
    for (Map<String, Object> row : (List<Map<String, Object>>) report.get("yawSweep")) {
      b.append(
          String.format(
              Locale.ROOT,
              "  frontal %4.1f turn %4.1f  active %s%n",
              row.get("frontalYaw"),
              row.get("turnYaw"),
              percents((Map<Kind, Double>) row.get("active"))));
    }
    for (Map<String, Object> row : (List<Map<String, Object>>) report.get("similaritySweep")) {
      b.append(
          String.format(
              Locale.ROOT,
              "  minSimilarity %.2f  active %s%n",
              row.get("minSimilarity"),
              percents((Map<Kind, Double>) row.get("active"))));
    }
    for (Map<String, Object> row : (List<Map<String, Object>>) report.get("trackJumpSweep")) {
      b.append(
          String.format(
              Locale.ROOT,
              "  maxTrackJump %.2f  active %s%n",
              row.get("maxTrackJump"),
              percents((Map<Kind, Double>) row.get("active"))));
    }
    b.append("homography residual per kind (min, p5, median, p95, max):\n");
    ((Map<Kind, double[]>) report.get("residualQuantiles_min_p5_median_p95_max"))
        .forEach(
            (k, q) ->
                b.append(
                    String.format(
                        Locale.ROOT,
                        "  %-44s %.3f %.3f %.3f %.3f %.3f%n",
                        k.label,
                        q[0],
                        q[1],
                        q[2],
                        q[3],
                        q[4])));
    b.append("peak estimated yaw towards the asked side per sequence (median, max):\n");
    ((Map<Kind, double[]>) report.get("peakYawTowardsAskedSide_median_max"))
        .forEach(
            (k, q) ->
                b.append(String.format(Locale.ROOT, "  %-44s %5.1f %5.1f%n", k.label, q[0], q[1])));
    b.append(String.format(Locale.ROOT, "%.1f s%n", (Double) report.get("seconds")));
    return b.toString();
  }

  private static String percents(Map<Kind, Double> rates) {
    StringBuilder b = new StringBuilder();
    for (Kind k : Kind.values()) {
      b.append(String.format(Locale.ROOT, "%6.1f", 100 * rates.getOrDefault(k, Double.NaN)));
    }
    return b.toString();
  }

  private static Seen see(FacePipeline pipeline, RgbImage frame) {
    PhotoResult r = pipeline.process(frame);
    EmbeddedFace f = r.largestFace().orElse(null);
    if (f == null || f.landmarks().size() != 5) {
      return null;
    }
    return new Seen(f.landmarks(), f.box(), f.embedding());
  }

  private static double yaw(Seen s) {
    return HeadPose.of(s.landmarks()).yawDegrees();
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  /** The first band of the raster: AT&T photos are 8-bit gray (see FaceAligner on getRGB). */
  private static int[] gray(BufferedImage image) throws IOException {
    Raster r = image.getRaster();
    if (r.getNumBands() != 1) {
      throw new IOException("expected a gray AT&T photo, got " + r.getNumBands() + " bands");
    }
    return r.getSamples(0, 0, image.getWidth(), image.getHeight(), 0, (int[]) null);
  }
}
