package dev.facegate.models.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.facegate.models.embedding.FaceEmbedder;
import dev.facegate.models.evaluation.GalleryScores;
import dev.facegate.models.evaluation.ScoreCalibration;
import dev.facegate.models.pipeline.EmbeddedFace;
import dev.facegate.models.pipeline.FacePipeline;
import dev.facegate.models.pipeline.PhotoResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * {@code calibrate --gallery DIR}: the operating-point table of a gallery of person folders, as the
 * console's threshold tuning computes it from enrolled templates (same statistics, same sampling,
 * same thin-data rule), printed as one JSON object.
 */
final class CalibrateCommand implements Command {

  private static final Gson GSON =
      new GsonBuilder().serializeSpecialFloatingPointValues().setPrettyPrinting().create();

  private static final Set<String> IMAGE_SUFFIXES = Set.of(".jpg", ".jpeg", ".png", ".pgm");

  @Override
  public String name() {
    return "calibrate";
  }

  @Override
  public String usage() {
    return "calibrate --gallery DIR [--max-impostor-pairs 1000000] [--seed 42]   threshold table\n"
        + "  DIR holds one folder per person with that person's photos (jpg, png, pgm); the\n"
        + "  largest face of each photo is embedded. Prints, as JSON: genuine and impostor pair\n"
        + "  counts (impostor pairs sampled with the seed above the maximum), score summaries,\n"
        + "  and the threshold, FMR, FNMR and open-set risk at FMR 1e-2 .. 1e-6 ('not enough\n"
        + "  data' below 1 / impostor pairs).\n"
        + "  --threads N          parallel workers (default: the number of processors)\n"
        + PipelineOptions.USAGE;
  }

  @Override
  public Set<String> switches() {
    return Set.of("fallback");
  }

  @Override
  public int run(Args args, PrintStream out, PrintStream err) throws Exception {
    if (!args.positionals().isEmpty()) {
      throw new UsageException("unexpected argument " + args.positionals().get(0));
    }
    Path gallery =
        Path.of(
            args.option("gallery").orElseThrow(() -> new UsageException("--gallery is required")));
    long maxPairs =
        longOption(args, "max-impostor-pairs", GalleryScores.DEFAULT_MAX_IMPOSTOR_PAIRS);
    long seed = longOption(args, "seed", GalleryScores.DEFAULT_SEED);
    int threads = args.intOption("threads", Runtime.getRuntime().availableProcessors());
    if (maxPairs < 1 || threads < 1) {
      throw new UsageException("--max-impostor-pairs and --threads must be >= 1");
    }
    if (!Files.isDirectory(gallery)) {
      throw new UsageException("no gallery folder at " + gallery);
    }
    List<Path> people = personFolders(gallery);
    if (people.isEmpty()) {
      throw new UsageException("no person folders in " + gallery);
    }
    try (PipelineOptions options = PipelineOptions.open(args)) {
      long start = System.nanoTime();
      List<List<Future<Optional<float[]>>>> pending = new ArrayList<>();
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      int images = 0;
      try {
        FacePipeline pipeline = options.pipeline();
        for (Path person : people) {
          List<Future<Optional<float[]>>> photos = new ArrayList<>();
          for (Path photo : photos(person)) {
            photos.add(pool.submit(() -> embed(pipeline, photo)));
            images++;
          }
          pending.add(photos);
        }
        List<List<float[]>> vectors = new ArrayList<>();
        int missing = 0;
        for (List<Future<Optional<float[]>>> person : pending) {
          List<float[]> templates = new ArrayList<>();
          for (Future<Optional<float[]>> f : person) {
            Optional<float[]> v = f.get();
            if (v.isPresent()) {
              templates.add(v.get());
            } else {
              missing++;
            }
          }
          vectors.add(templates);
        }
        err.printf(
            Locale.ROOT,
            "%s: %d people, %d images embedded in %.1f s (%d without a face)%n",
            gallery,
            people.size(),
            images,
            (System.nanoTime() - start) / 1e9,
            missing);
        GalleryScores scores = GalleryScores.compute(vectors, maxPairs, seed);
        out.println(GSON.toJson(report(gallery, scores, images, missing)));
        return 0;
      } catch (ExecutionException e) {
        throw new IllegalStateException("embedding failed: " + e.getCause(), e.getCause());
      } finally {
        pool.shutdownNow();
      }
    }
  }

  private static long longOption(Args args, String name, long defaultValue) throws UsageException {
    Optional<String> v = args.option(name);
    try {
      return v.isPresent() ? Long.parseLong(v.get()) : defaultValue;
    } catch (NumberFormatException e) {
      throw new UsageException("--" + name + " must be an integer: " + v.get());
    }
  }

  private static Optional<float[]> embed(FacePipeline pipeline, Path photo) {
    PhotoResult r = pipeline.process(photo);
    return switch (r.status()) {
      case FACES -> r.largestFace().map(EmbeddedFace::embedding).map(e -> e.vector());
      case FALLBACK -> Optional.of(r.faces().get(0).embedding().vector());
      case NO_FACE, TOO_MANY_FACES, UNDECODABLE -> Optional.empty();
    };
  }

  /** The report; package-private so tests can check it on synthetic scores. */
  static JsonObject report(Path gallery, GalleryScores scores, int images, int missing) {
    JsonObject o = new JsonObject();
    o.addProperty("gallery", gallery.toString());
    o.addProperty("model_id", FaceEmbedder.MODEL_ID);
    o.addProperty("model_version", FaceEmbedder.MODEL_VERSION);
    o.addProperty("people", scores.people());
    o.addProperty("people_with_two_templates", scores.peopleWithTwoTemplates());
    o.addProperty("images", images);
    o.addProperty("images_without_face", missing);
    o.addProperty("templates", scores.templates());
    o.addProperty("genuine_pairs", scores.genuinePairs());
    o.addProperty("impostor_pairs_total", scores.impostorPairsTotal());
    o.addProperty("impostor_pairs_used", scores.impostorPairsUsed());
    o.addProperty("impostor_pairs_sampled", scores.sampled());
    if (scores.sampled()) {
      o.addProperty("seed", scores.seed());
    }
    o.addProperty("reliable", scores.reliable());
    if (!scores.reliable()) {
      o.addProperty(
          "reliability",
          String.format(
              Locale.ROOT,
              "unreliable: %d people with %d+ templates (%d needed); shipped threshold %.3f",
              scores.peopleWithTwoTemplates(),
              GalleryScores.MIN_TEMPLATES_PER_PERSON,
              GalleryScores.MIN_PEOPLE,
              FaceEmbedder.calibratedThreshold()));
    }
    if (!scores.scorable()) {
      o.addProperty("operating_points", "not enough data: no genuine or no impostor pair");
      return o;
    }
    ScoreCalibration c = ScoreCalibration.of(scores);
    o.addProperty("score_min", c.minScore());
    o.addProperty("score_max", c.maxScore());
    o.add("genuine", GSON.toJsonTree(c.genuineSummary()));
    o.add("impostor", GSON.toJsonTree(c.impostorSummary()));
    o.addProperty("smallest_resolvable_fmr", c.smallestResolvableFmr());
    JsonArray points = new JsonArray();
    for (ScoreCalibration.OperatingPoint p : c.operatingPoints(ScoreCalibration.STANDARD_TARGETS)) {
      JsonObject j = new JsonObject();
      j.addProperty("target_fmr", p.targetFmr());
      if (p.supported()) {
        j.addProperty("threshold", p.threshold());
        j.addProperty("fmr", p.fmr());
        j.addProperty("fnmr", p.fnmr());
        j.addProperty("impostor_pairs_accepted", p.impostorsAccepted());
        addRisk(j, p.fmr(), scores.people());
      } else {
        j.addProperty("status", "not enough data");
      }
      points.add(j);
    }
    o.add("operating_points", points);
    double shipped = FaceEmbedder.calibratedThreshold();
    JsonObject atShipped = new JsonObject();
    atShipped.addProperty("threshold", shipped);
    atShipped.addProperty("fmr", c.fmr(shipped));
    atShipped.addProperty("fnmr", c.fnmr(shipped));
    addRisk(atShipped, c.fmr(shipped), scores.people());
    o.add("at_shipped_threshold", atShipped);
    return o;
  }

  private static void addRisk(JsonObject j, double fmr, int people) {
    j.addProperty(
        "stranger_match_probability", ScoreCalibration.strangerMatchProbability(fmr, people));
    j.addProperty(
        "false_opens_per_1000_strangers", ScoreCalibration.falseOpensPer1000Strangers(fmr, people));
  }

  private static List<Path> personFolders(Path gallery) throws IOException {
    try (Stream<Path> s = Files.list(gallery)) {
      return s.filter(Files::isDirectory).sorted().toList();
    }
  }

  private static List<Path> photos(Path person) throws IOException {
    try (Stream<Path> s = Files.list(person)) {
      return s.filter(Files::isRegularFile)
          .filter(
              p ->
                  IMAGE_SUFFIXES.stream()
                      .anyMatch(
                          x -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(x)))
          .sorted()
          .toList();
    }
  }
}
