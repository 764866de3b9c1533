package dev.facegate.models.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import dev.facegate.models.comparison.Comparison;
import dev.facegate.models.embedding.FaceEmbedder;
import dev.facegate.models.pipeline.EmbeddedFace;
import dev.facegate.models.pipeline.FacePipeline;
import dev.facegate.models.pipeline.PhotoResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * {@code compare A B [--threshold T]}: cosine similarity and L2 distance of the largest faces of
 * two photos, and the same/different verdict at a cosine threshold (default: the calibrated one).
 */
final class CompareCommand implements Command {

  @Override
  public String name() {
    return "compare";
  }

  @Override
  public String usage() {
    return "compare A B [--threshold T]   same person? (largest face of each photo)\n"
        + "  prints {\"cosine\", \"distance\", \"threshold\", \"same_person\"}\n"
        + "  --threshold T        cosine threshold (default "
        + FaceEmbedder.calibratedThreshold()
        + ", calibrated at FAR 1e-3, see README)\n"
        + PipelineOptions.USAGE;
  }

  @Override
  public Set<String> switches() {
    return Set.of("fallback");
  }

  private static final Gson GSON = new GsonBuilder().create();

  @Override
  public int run(Args args, PrintStream out, PrintStream err) throws Exception {
    if (args.positionals().size() != 2) {
      throw new UsageException("give exactly two images");
    }
    Path a = Path.of(args.positionals().get(0));
    Path b = Path.of(args.positionals().get(1));
    double threshold = args.doubleOption("threshold", FaceEmbedder.calibratedThreshold());
    try (PipelineOptions options = PipelineOptions.open(args)) {
      FacePipeline pipeline = options.pipeline();
      PhotoResult ra = pipeline.process(a);
      PhotoResult rb = pipeline.process(b);
      Optional<EmbeddedFace> fa = ra.largestFace();
      Optional<EmbeddedFace> fb = rb.largestFace();
      JsonObject o = new JsonObject();
      o.addProperty("a", a.toString());
      o.addProperty("b", b.toString());
      o.addProperty("a_status", ra.status().name().toLowerCase(java.util.Locale.ROOT));
      o.addProperty("b_status", rb.status().name().toLowerCase(java.util.Locale.ROOT));
      if (fa.isEmpty() || fb.isEmpty()) {
        o.addProperty(
            "error",
            "no face to compare in "
                + (fa.isEmpty() ? a + " (" + ra.message() + ")" : b + " (" + rb.message() + ")"));
        out.println(GSON.toJson(o));
        return 1;
      }
      Comparison c = Comparison.of(fa.get().embedding(), fb.get().embedding(), threshold);
      o.addProperty("cosine", c.cosine());
      o.addProperty("distance", c.distance());
      o.addProperty("threshold", c.threshold());
      o.addProperty("same_person", c.samePerson());
      out.println(GSON.toJson(o));
      return 0;
    }
  }
}
