package dev.facegate.models.cli;

import dev.facegate.models.evaluation.ImageEmbedding;
import dev.facegate.models.evaluation.KFoldVerification;
import dev.facegate.models.evaluation.PairsFile;
import dev.facegate.models.evaluation.Roc;
import dev.facegate.models.evaluation.RocPlot;
import dev.facegate.models.evaluation.ScoredPair;
import dev.facegate.models.evaluation.VerificationPair;
import dev.facegate.models.evaluation.VerificationReport;
import dev.facegate.models.evaluation.VerificationRun;
import dev.facegate.models.pipeline.FacePipeline;
import dev.facegate.models.pipeline.PhotoResult;
import dev.facegate.models.pipeline.PhotoStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code verify --pairs FILE --root DIR [--folds 10] [--json]}: the LFW-style 1:1 verification
 * protocol over a pair list (FaceGate TSV or LFW {@code pairs.txt}).
 */
final class VerifyCommand implements Command {

  @Override
  public String name() {
    return "verify";
  }

  @Override
  public String usage() {
    return "verify --pairs FILE [--root DIR] [--folds 10] [--json]   1:1 verification, k-fold\n"
        + "  FILE: 'fold label a b' or 'label a b' TSV (# comments) or LFW pairs.txt; image paths\n"
        + "  are relative to DIR (default: FILE's folder). Each fold's threshold is chosen on the\n"
        + "  other folds; the largest face of each image is used.\n"
        + "  --folds K            folds for lists that assign none (default 10)\n"
        + "  --json               print the figures as one JSON object on the last line\n"
        + "  --out DIR            write pairs.tsv (per-pair scores) and roc.png there\n"
        + "  --threads N          detection threads (default: the number of processors); the\n"
        + "                       caller's thread embeds the chips of several photos per batch\n"
        + "  --photo-by-photo     N workers that each embed one photo at a time instead (the\n"
        + "                       path before issue 16; same results)\n"
        + PipelineOptions.USAGE;
  }

  @Override
  public Set<String> switches() {
    return Set.of("json", "fallback", "photo-by-photo");
  }

  @Override
  public int run(Args args, PrintStream out, PrintStream err) throws Exception {
    if (!args.positionals().isEmpty()) {
      throw new UsageException("unexpected argument " + args.positionals().get(0));
    }
    Path pairsFile =
        Path.of(args.option("pairs").orElseThrow(() -> new UsageException("--pairs is required")));
    Path root = args.option("root").map(Path::of).orElse(pairsFile.toAbsolutePath().getParent());
    Path outDir = args.option("out").map(Path::of).orElse(null);
    int folds = args.intOption("folds", 10);
    int threads = args.intOption("threads", Runtime.getRuntime().availableProcessors());
    boolean json = args.flag("json");
    boolean photoByPhoto = args.flag("photo-by-photo");
    if (folds < 2 || threads < 1) {
      throw new UsageException("--folds must be >= 2 and --threads >= 1");
    }
    if (!Files.isRegularFile(pairsFile)) {
      throw new UsageException("no pair list at " + pairsFile);
    }
    // Read the list before loading the networks, so a bad list fails at once.
    List<VerificationPair> listed = PairsFile.read(pairsFile);
    boolean foldsFromList = listed.stream().allMatch(p -> p.fold() > 0);
    List<VerificationPair> pairs = PairsFile.assignFolds(listed, folds);
    try (PipelineOptions options = PipelineOptions.open(args)) {
      err.printf(
          Locale.ROOT,
          "%s: %d pairs, %d %s, %s engine%n",
          pairsFile,
          pairs.size(),
          threads,
          photoByPhoto ? "workers photo by photo" : "detection threads + 1 embedding thread",
          options.embedder().engineName());
      FacePipeline pipeline = options.pipeline();
      VerificationRun.Builder run = VerificationRun.builder().setRoot(root).optProgress(err);
      if (photoByPhoto) {
        run.setEmbedder(file -> toImageEmbedding(pipeline.process(file))).optThreads(threads);
      } else {
        run.setBatchEmbedder(
            (files, done) ->
                PhotoStream.builder()
                    .setPipeline(pipeline)
                    .optDetectThreads(threads)
                    .optProgress(done)
                    .build()
                    .process(files)
                    .stream()
                    .map(VerifyCommand::toImageEmbedding)
                    .toList());
      }
      VerificationRun.Outcome outcome = run.build().run(pairs);
      KFoldVerification.Result result = KFoldVerification.evaluate(outcome.scored());
      VerificationReport report = new VerificationReport(result, outcome, foldsFromList);
      out.print(report.text());
      if (outDir != null) {
        Files.createDirectories(outDir);
        report.writePairsTsv(outDir.resolve("pairs.tsv"));
        RocPlot.write(
            new Roc(scores(outcome.scored(), true), scores(outcome.scored(), false)),
            String.format(Locale.ROOT, "%s  AUC %.5f", pairsFile.getFileName(), result.auc()),
            outDir.resolve("roc.png"));
        out.println("wrote " + outDir.resolve("pairs.tsv") + " and " + outDir.resolve("roc.png"));
      }
      if (json) {
        out.println(report.json());
      }
      return 0;
    }
  }

  private static ImageEmbedding toImageEmbedding(PhotoResult r) {
    return switch (r.status()) {
      case FACES -> ImageEmbedding.detected(r.largestFace().orElseThrow().embedding());
      case FALLBACK -> ImageEmbedding.fallback(r.faces().get(0).embedding(), r.message());
      case NO_FACE -> ImageEmbedding.missing("no face");
      case TOO_MANY_FACES -> ImageEmbedding.missing(r.message());
      case UNDECODABLE -> ImageEmbedding.missing("unreadable: " + r.message());
    };
  }

  private static double[] scores(List<ScoredPair> scored, boolean same) {
    return scored.stream()
        .filter(s -> s.scored() && s.pair().same() == same)
        .mapToDouble(ScoredPair::score)
        .toArray();
  }
}
