package dev.facegate.models.cli;

import ai.djl.Model;
import ai.djl.engine.Engine;
import dev.facegate.models.evaluation.KFoldVerification;
import dev.facegate.models.evaluation.PairsFile;
import dev.facegate.models.evaluation.Roc;
import dev.facegate.models.evaluation.ScoredPair;
import dev.facegate.models.evaluation.VerificationPair;
import dev.facegate.models.pipeline.PhotoResult;
import dev.facegate.models.training.EmbeddingHead;
import dev.facegate.models.training.HeadLoss;
import dev.facegate.models.training.HeadTrainer;
import dev.facegate.models.training.LossCurvePlot;
import dev.facegate.models.training.TrainedParameters;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code train-head}: trains an {@link EmbeddingHead} on the frozen dlib descriptors of part of the
 * AT&amp;T people with each loss and verifies it on the other people, against the frozen descriptor
 * alone.
 *
 * <p>AT&amp;T's pair list has ten subject-disjoint folds (fold k = subjects 4k-3 .. 4k). The head
 * trains on the subjects of the first folds and is evaluated on the pairs of the remaining folds
 * only, so no test person was seen in training: accuracy by the k-fold protocol over those folds
 * (threshold chosen on the other test folds), and TAR at FAR 1e-3 over all pairs of the test
 * people's images.
 */
final class TrainHeadCommand implements Command {

  private static final int PEOPLE = 40;
  private static final int IMAGES_PER_PERSON = 10;

  @Override
  public String name() {
    return "train-head";
  }

  @Override
  public String usage() {
    return "train-head --att DIR [options]   train an embedding head per loss on AT&T, verify on"
        + " unseen people\n"
        + "  --att DIR            the att_orl_faces folder (png/sN/M.png, pairs_10fold.tsv)\n"
        + "  --out DIR            loss curves, parameters, report (default target/training/head)\n"
        + "  --cache FILE         descriptors of the 400 images, computed once (default\n"
        + "                       target/training/att-descriptors.tsv)\n"
        + "  --train-folds N      subjects of folds 1..N train, the rest test (default 5: 20/20)\n"
        + "  --losses L,L         of contrastive,triplet,center,a-softmax,cosface,arcface (all)\n"
        + "  --steps N            optimiser steps per loss (default 400; batches of 10 x 4)\n"
        + "  --seed N             seed of initialisation and batches (default 1)\n"
        + PipelineOptions.USAGE;
  }

  @Override
  public Set<String> switches() {
    return Set.of("fallback");
  }

  @Override
  public int run(Args args, PrintStream out, PrintStream err) throws Exception {
    Path att =
        args.option("att")
            .map(Path::of)
            .orElseThrow(() -> new UsageException("--att DIR is required"));
    Path outDir = Path.of(args.option("out").orElse("target/training/head"));
    Path cache = Path.of(args.option("cache").orElse("target/training/att-descriptors.tsv"));
    int trainFolds = args.intOption("train-folds", 5);
    if (trainFolds < 1 || trainFolds > 8) {
      throw new UsageException("--train-folds must be 1 to 8 (two test folds at least)");
    }
    int steps = args.intOption("steps", 400);
    int seed = args.intOption("seed", 1);
    List<HeadLoss> losses = new ArrayList<>();
    for (String name : args.option("losses").orElse("all").split(",")) {
      if (name.equals("all")) {
        losses.addAll(Arrays.asList(HeadLoss.values()));
        continue;
      }
      losses.add(
          Arrays.stream(HeadLoss.values())
              .filter(l -> l.cliName().equals(name.trim()))
              .findFirst()
              .orElseThrow(() -> new UsageException("unknown loss " + name)));
    }
    Map<String, float[]> descriptors;
    String engine;
    try (PipelineOptions options = PipelineOptions.open(args)) {
      engine = options.embedder().engineName();
      descriptors = descriptors(att, cache, options, err);
    }
    int trainPeople = 4 * trainFolds;
    List<float[]> trainX = new ArrayList<>();
    List<Integer> trainY = new ArrayList<>();
    List<String> testImages = new ArrayList<>();
    for (int s = 1; s <= PEOPLE; s++) {
      for (int i = 1; i <= IMAGES_PER_PERSON; i++) {
        String key = image(s, i);
        if (s <= trainPeople) {
          trainX.add(descriptors.get(key));
          trainY.add(s - 1);
        } else {
          testImages.add(key);
        }
      }
    }
    List<VerificationPair> testPairs =
        PairsFile.read(att.resolve("pairs_10fold.tsv")).stream()
            .filter(p -> p.fold() > trainFolds)
            .toList();
    Files.createDirectories(outDir);
    List<String> report = new ArrayList<>();
    report.add(
        "model\taccuracy\taccuracy_std\ttar_at_far_1e-3\tfar\tthreshold\tauc_all_pairs\ttrain_s\tfinal_loss");
    out.printf(
        Locale.ROOT,
        "train: %d people x %d images; test: %d people, %d fold pairs, all-pairs genuine/impostor %s%n",
        trainPeople,
        IMAGES_PER_PERSON,
        PEOPLE - trainPeople,
        testPairs.size(),
        allPairsCounts(testImages));
    out.println(
        "| model | accuracy (k-fold on test folds) | TAR @ FAR 1e-3 (all test pairs) | AUC | train time |");
    out.println("|---|---|---|---|---|");
    report.add(
        row("frozen dlib descriptor", descriptors, testPairs, testImages, 0, Float.NaN, out));
    float[][] x = trainX.toArray(float[][]::new);
    int[] y = trainY.stream().mapToInt(Integer::intValue).toArray();
    for (HeadLoss loss : losses) {
      try (Model model =
          Model.newInstance(
              "head-" + loss.cliName(), Engine.getEngine(engine).defaultDevice(), engine)) {
        long t0 = System.nanoTime();
        HeadTrainer.Result r =
            HeadTrainer.builder()
                .setLoss(loss)
                .optSteps(steps)
                .optSeed(seed)
                .build()
                .train(
                    model.getNDManager(),
                    x,
                    y,
                    s -> err.printf("%s: step %d / %d%n", loss.cliName(), s, steps));
        double seconds = (System.nanoTime() - t0) / 1e9;
        model.setBlock(r.head());
        TrainedParameters.save(r.head(), outDir.resolve("head-" + loss.cliName() + ".params"));
        float[] curve = r.lossCurve();
        LossCurvePlot.write(
            curve,
            "embedding head, " + loss.cliName() + " loss, AT&T " + trainPeople + " people",
            outDir.resolve("loss-" + loss.cliName() + ".png"));
        String[] keys = testImages.toArray(String[]::new);
        float[][] in = Arrays.stream(keys).map(descriptors::get).toArray(float[][]::new);
        float[][] emb = EmbeddingHead.embed(r.head(), model.getNDManager(), in);
        Map<String, float[]> embedded = new LinkedHashMap<>();
        for (int i = 0; i < keys.length; i++) {
          embedded.put(keys[i], emb[i]);
        }
        float last = mean(curve, Math.max(0, curve.length - 20), curve.length);
        report.add(
            row("head + " + loss.cliName(), embedded, testPairs, testImages, seconds, last, out));
      }
    }
    Files.write(outDir.resolve("report.tsv"), report, StandardCharsets.UTF_8);
    err.println("wrote " + outDir.resolve("report.tsv"));
    return 0;
  }

  private static String row(
      String name,
      Map<String, float[]> emb,
      List<VerificationPair> pairs,
      List<String> testImages,
      double seconds,
      float finalLoss,
      PrintStream out) {
    List<ScoredPair> scored = new ArrayList<>();
    for (VerificationPair p : pairs) {
      scored.add(new ScoredPair(p, cosine(emb.get(p.imageA()), emb.get(p.imageB())), true));
    }
    KFoldVerification.Result k = KFoldVerification.evaluate(scored);
    List<Double> genuine = new ArrayList<>();
    List<Double> impostor = new ArrayList<>();
    for (int i = 0; i < testImages.size(); i++) {
      for (int j = i + 1; j < testImages.size(); j++) {
        String a = testImages.get(i);
        String b = testImages.get(j);
        double c = cosine(emb.get(a), emb.get(b));
        (person(a).equals(person(b)) ? genuine : impostor).add(c);
      }
    }
    Roc roc =
        new Roc(
            genuine.stream().mapToDouble(Double::doubleValue).toArray(),
            impostor.stream().mapToDouble(Double::doubleValue).toArray());
    Roc.OperatingPoint op = roc.atFar(1e-3);
    out.printf(
        Locale.ROOT,
        "| %s | %.2f %% +/- %.2f | %.4f (FAR %.5f) | %.5f | %s |%n",
        name,
        100 * k.accuracy(),
        100 * k.accuracyStd(),
        op.tar(),
        op.far(),
        roc.auc(),
        seconds > 0 ? String.format(Locale.ROOT, "%.1f s", seconds) : "-");
    return String.format(
        Locale.ROOT,
        "%s\t%.4f\t%.4f\t%.4f\t%.5f\t%.4f\t%.5f\t%.1f\t%.4f",
        name,
        k.accuracy(),
        k.accuracyStd(),
        op.tar(),
        op.far(),
        op.threshold(),
        roc.auc(),
        seconds,
        finalLoss);
  }

  private static String allPairsCounts(List<String> images) {
    long genuine = 0;
    long all = (long) images.size() * (images.size() - 1) / 2;
    for (int i = 0; i < images.size(); i++) {
      for (int j = i + 1; j < images.size(); j++) {
        if (person(images.get(i)).equals(person(images.get(j)))) {
          genuine++;
        }
      }
    }
    return genuine + "/" + (all - genuine);
  }

  private static String image(int subject, int index) {
    return "png/s" + subject + "/" + index + ".png";
  }

  private static String person(String image) {
    return image.substring(0, image.lastIndexOf('/'));
  }

  private static float mean(float[] v, int from, int to) {
    double s = 0;
    for (int i = from; i < to; i++) {
      s += v[i];
    }
    return (float) (s / (to - from));
  }

  private static double cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return dot / Math.sqrt(na * nb);
  }

  /** Reads the cached descriptors, or computes and caches them (L2-normalised, one per image). */
  private static Map<String, float[]> descriptors(
      Path att, Path cache, PipelineOptions options, PrintStream err) throws IOException {
    Map<String, float[]> out = new LinkedHashMap<>();
    if (Files.isRegularFile(cache)) {
      for (String line : Files.readAllLines(cache, StandardCharsets.UTF_8)) {
        String[] f = line.split("\t");
        float[] v = new float[f.length - 1];
        for (int i = 1; i < f.length; i++) {
          v[i - 1] = Float.parseFloat(f[i]);
        }
        out.put(f[0], v);
      }
      if (out.size() == PEOPLE * IMAGES_PER_PERSON) {
        err.println("descriptors read from " + cache);
        return out;
      }
      out.clear();
    }
    long t0 = System.nanoTime();
    List<String> lines = new ArrayList<>();
    int fallbacks = 0;
    for (int s = 1; s <= PEOPLE; s++) {
      for (int i = 1; i <= IMAGES_PER_PERSON; i++) {
        String key = image(s, i);
        PhotoResult r = options.pipeline().process(att.resolve(key));
        float[] v =
            r.largestFace()
                .orElseThrow(
                    () ->
                        new IOException(
                            "no face in "
                                + key
                                + " ("
                                + r.message()
                                + "); try --pad 0.25 --fallback"))
                .embedding()
                .vector();
        if (r.status() == PhotoResult.Status.FALLBACK) {
          fallbacks++;
        }
        out.put(key, v);
        StringBuilder line = new StringBuilder(key);
        for (float f : v) {
          line.append('\t').append(f);
        }
        lines.add(line.toString());
      }
      err.printf("descriptors: %d / %d people%n", s, PEOPLE);
    }
    Path parent = cache.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Files.write(cache, lines, StandardCharsets.UTF_8);
    err.printf(
        Locale.ROOT,
        "computed %d descriptors in %.1f s (%d centre-crop fallbacks), cached in %s%n",
        out.size(),
        (System.nanoTime() - t0) / 1e9,
        fallbacks,
        cache);
    return out;
  }
}
