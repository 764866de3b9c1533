package dev.facegate.models.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.facegate.models.alignment.FaceChip;
import dev.facegate.models.embedding.Embedding;
import dev.facegate.models.embedding.FaceEmbedder;
import dev.facegate.models.geometry.Point;
import dev.facegate.models.image.RgbImage;
import dev.facegate.models.pipeline.EmbeddedFace;
import dev.facegate.models.pipeline.FacePipeline;
import dev.facegate.models.pipeline.PhotoResult;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * {@code embed IMAGE [--bench N]}: one embedding per face as JSON; with {@code --bench} the
 * embedding latency per aligned face and the whole-photo latency (median and p90 over N runs).
 */
final class EmbedCommand implements Command {

  @Override
  public String name() {
    return "embed";
  }

  @Override
  public String usage() {
    return "embed IMAGE [--bench N]   one 128-D embedding per face, as JSON\n"
        + "  prints {\"image\", \"status\", \"model\": {\"id\", \"version\"}, \"faces\": [{\"box\":"
        + " [x, y, w, h], \"score\", \"landmarks\", \"embedding\"}]}\n"
        + "  --bench N            instead, time N runs (after warm-up) of the embedder on one aligned\n"
        + "                       face and of the whole pipeline on the decoded photo\n"
        + PipelineOptions.USAGE;
  }

  @Override
  public Set<String> switches() {
    return Set.of("fallback");
  }

  private static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues().create();

  @Override
  public int run(Args args, PrintStream out, PrintStream err) throws Exception {
    if (args.positionals().size() != 1) {
      throw new UsageException("give exactly one image");
    }
    Path image = Path.of(args.positionals().get(0));
    int bench = args.intOption("bench", 0);
    if (bench < 0) {
      throw new UsageException("--bench must be positive");
    }
    try (PipelineOptions options = PipelineOptions.open(args)) {
      FacePipeline pipeline = options.pipeline();
      PhotoResult result = pipeline.process(image);
      if (bench > 0) {
        return bench(pipeline, options.embedder(), image, result, bench, out, err);
      }
      out.println(GSON.toJson(toJson(image.toString(), result)));
      return result.status() == PhotoResult.Status.UNDECODABLE ? 1 : 0;
    }
  }

  static JsonObject toJson(String name, PhotoResult result) {
    JsonObject o = new JsonObject();
    o.addProperty("image", name);
    o.addProperty("status", result.status().name().toLowerCase(Locale.ROOT));
    if (result.message() != null) {
      o.addProperty("message", result.message());
    }
    JsonObject model = new JsonObject();
    model.addProperty("id", FaceEmbedder.MODEL_ID);
    model.addProperty("version", FaceEmbedder.MODEL_VERSION);
    o.add("model", model);
    JsonArray faces = new JsonArray();
    for (EmbeddedFace f : result.faces()) {
      JsonObject face = new JsonObject();
      JsonArray box = new JsonArray();
      for (double v : f.box().toXywh()) {
        box.add(round(v, 2));
      }
      face.add("box", box);
      face.addProperty("score", round(f.score(), 5));
      face.addProperty("detected", f.detected());
      JsonArray lm = new JsonArray();
      for (Point p : f.landmarks()) {
        JsonArray xy = new JsonArray();
        xy.add(round(p.x(), 2));
        xy.add(round(p.y(), 2));
        lm.add(xy);
      }
      face.add("landmarks", lm);
      JsonArray emb = new JsonArray();
      Embedding e = f.embedding();
      for (int i = 0; i < e.dimension(); i++) {
        emb.add(e.get(i));
      }
      face.add("embedding", emb);
      faces.add(face);
    }
    o.add("faces", faces);
    return o;
  }

  private static double round(double v, int digits) {
    if (!Double.isFinite(v)) {
      return v;
    }
    double f = Math.pow(10, digits);
    return Math.round(v * f) / f;
  }

  private static int bench(
      FacePipeline pipeline,
      FaceEmbedder embedder,
      Path image,
      PhotoResult first,
      int runs,
      PrintStream out,
      PrintStream err)
      throws Exception {
    if (first.faces().isEmpty()) {
      err.println("no face in " + image + " to benchmark (" + first.message() + ")");
      return 1;
    }
    RgbImage decoded = decode(image);
    EmbeddedFace face = first.faces().get(0);
    FaceChip chip =
        face.detected()
            ? pipeline.aligner().align(decoded, landmarks(face))
            : pipeline.aligner().centreCrop(decoded);
    int warmup = Math.max(5, runs / 10);
    for (int i = 0; i < warmup; i++) {
      embedder.embed(chip);
      pipeline.process(decoded);
    }
    long[] embed = new long[runs];
    long[] photo = new long[runs];
    long cpu0 = processCpuNanos();
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      embedder.embed(chip);
      embed[i] = System.nanoTime() - t0;
    }
    long cpu1 = processCpuNanos();
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      pipeline.process(decoded);
      photo[i] = System.nanoTime() - t0;
    }
    // Process CPU time (Java and the engine's native threads) per run: on a shared machine it
    // varies far less than wall time, which includes waiting for a core.
    double embedCpu = (cpu1 - cpu0) / 1e6 / runs;
    double photoCpu = (processCpuNanos() - cpu1) / 1e6 / runs;
    Arrays.sort(embed);
    Arrays.sort(photo);
    int cores = Runtime.getRuntime().availableProcessors();
    out.printf(
        Locale.ROOT,
        "%s: %dx%d, %d face(s), engine %s, %d cores, %d runs after %d warm-up%n",
        image,
        decoded.width(),
        decoded.height(),
        first.faces().size(),
        embedder.engineName(),
        cores,
        runs,
        warmup);
    out.printf(
        Locale.ROOT,
        "embedding per aligned face: median %.1f ms, p90 %.1f ms, process CPU %.1f ms per run%n",
        ms(embed, 0.5),
        ms(embed, 0.9),
        embedCpu);
    out.printf(
        Locale.ROOT,
        "whole photo (detect + align + embed, decoded image): median %.1f ms, p90 %.1f ms,"
            + " process CPU %.1f ms per run%n",
        ms(photo, 0.5),
        ms(photo, 0.9),
        photoCpu);
    JsonObject o = new JsonObject();
    o.addProperty("image", image.toString());
    o.addProperty("faces", first.faces().size());
    o.addProperty("runs", runs);
    o.addProperty("embed_median_ms", ms(embed, 0.5));
    o.addProperty("embed_p90_ms", ms(embed, 0.9));
    o.addProperty("photo_median_ms", ms(photo, 0.5));
    o.addProperty("photo_p90_ms", ms(photo, 0.9));
    o.addProperty("embed_cpu_ms", Math.round(embedCpu * 10) / 10.0);
    o.addProperty("photo_cpu_ms", Math.round(photoCpu * 10) / 10.0);
    out.println(GSON.toJson(o));
    return 0;
  }

  private static RgbImage decode(Path image) throws Exception {
    return dev.facegate.models.image.ImageDecoder.newInstance()
        .decodeRgb(Files.readAllBytes(image));
  }

  private static double[][] landmarks(EmbeddedFace face) {
    return face.landmarks().stream().map(p -> new double[] {p.x(), p.y()}).toArray(double[][]::new);
  }

  private static long processCpuNanos() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : -1;
  }

  private static double ms(long[] sorted, double q) {
    int i = (int) Math.min(sorted.length - 1, Math.floor(q * sorted.length));
    return Math.round(sorted[i] / 1e5) / 10.0;
  }
}
