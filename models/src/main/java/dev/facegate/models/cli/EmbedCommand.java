package dev.facegate.models.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.facegate.models.alignment.FaceChip;
import dev.facegate.models.detection.FaceDetection;
import dev.facegate.models.embedding.Embedding;
import dev.facegate.models.embedding.FaceEmbedder;
import dev.facegate.models.geometry.Box;
import dev.facegate.models.geometry.Point;
import dev.facegate.models.image.RgbImage;
import dev.facegate.models.pipeline.EmbeddedFace;
import dev.facegate.models.pipeline.FacePipeline;
import dev.facegate.models.pipeline.PhotoResult;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
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
        + "  prints {\"image\", \"status\", \"face_count\", \"model\": {\"id\", \"version\"},"
        + " \"faces\": [{\"box\": [x, y, w, h], \"score\", \"detected\", \"landmarks\","
        + " \"quality\": {\"face_size_px\", \"sharpness\", \"frontalness\"}, \"embedding\"}]}\n"
        + "  (status too_many_faces: the faces without quality and embedding)\n"
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
      // A photo with more faces than --max-faces is an answer, not a failure.
      return result.status() == PhotoResult.Status.UNDECODABLE ? 1 : 0;
    }
  }

  static JsonObject toJson(String name, PhotoResult result) {
    JsonObject o = new JsonObject();
    o.addProperty("image", name);
    o.addProperty("status", result.status().name().toLowerCase(Locale.ROOT));
    o.addProperty("face_count", result.faceCount());
    if (result.message() != null) {
      o.addProperty("message", result.message());
    }
    JsonObject model = new JsonObject();
    model.addProperty("id", FaceEmbedder.MODEL_ID);
    model.addProperty("version", FaceEmbedder.MODEL_VERSION);
    o.add("model", model);
    JsonArray faces = new JsonArray();
    if (result.status() == PhotoResult.Status.TOO_MANY_FACES) {
      for (FaceDetection d : result.detections()) {
        faces.add(face(d.box(), d.score(), true, d.landmarks()));
      }
    }
    for (EmbeddedFace f : result.faces()) {
      JsonObject face = face(f.box(), f.score(), f.detected(), f.landmarks());
      JsonObject quality = new JsonObject();
      quality.addProperty("face_size_px", f.quality().faceSizePx());
      quality.addProperty("sharpness", round(f.quality().sharpness(), 2));
      quality.addProperty("frontalness", round(f.quality().frontalness(), 4));
      face.add("quality", quality);
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

  private static JsonObject face(Box box, double score, boolean detected, List<Point> landmarks) {
    JsonObject face = new JsonObject();
    JsonArray xywh = new JsonArray();
    for (double v : box.toXywh()) {
      xywh.add(round(v, 2));
    }
    face.add("box", xywh);
    face.addProperty("score", round(score, 5));
    face.addProperty("detected", detected);
    JsonArray lm = new JsonArray();
    for (Point p : landmarks) {
      JsonArray xy = new JsonArray();
      xy.add(round(p.x(), 2));
      xy.add(round(p.y(), 2));
      lm.add(xy);
    }
    face.add("landmarks", lm);
    return face;
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
    RgbImage decoded = pipeline.imageDecoder().decodeRgb(Files.readAllBytes(image));
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
