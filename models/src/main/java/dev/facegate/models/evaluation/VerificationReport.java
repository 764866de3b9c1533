package dev.facegate.models.evaluation;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import dev.facegate.models.comparison.Similarity;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a verification result: a human-readable summary, one JSON object, and the per-pair TSV.
 *
 * @param result the protocol result
 * @param outcome the scored pairs and image outcomes
 * @param foldsFromList whether the folds came from the list (identity-disjoint where the list says
 *     so) or were dealt by {@link PairsFile#assignFolds}
 */
public record VerificationReport(
    KFoldVerification.Result result, VerificationRun.Outcome outcome, boolean foldsFromList) {

  private static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues().create();

  /**
   * The summary for a terminal.
   *
   * @return several lines of text
   */
  public String text() {
    KFoldVerification.Result r = result;
    StringBuilder sb = new StringBuilder();
    sb.append(
        f(
            "pairs %d (scored %d), images %d, %d folds (%s)%n",
            r.pairs(),
            r.scoredPairs(),
            outcome.images().size(),
            r.folds().size(),
            foldsFromList ? "from the list" : "dealt round-robin per class"));
    sb.append(f("accuracy        %.4f +/- %.4f%n", r.accuracy(), r.accuracyStd()));
    sb.append(
        f(
            "strict accuracy %.4f (pairs with an image without a detected face count as errors)%n",
            r.strictAccuracy()));
    sb.append(
        f(
            "threshold       cosine %.4f (L2 %.4f), mean of the fold thresholds%n",
            r.threshold(), Similarity.distanceForCosine(r.threshold())));
    sb.append(f("ROC AUC         %.5f%n", r.auc()));
    for (Roc.OperatingPoint p : new Roc.OperatingPoint[] {r.atFar1e2(), r.atFar1e3()}) {
      sb.append(
          f(
              "TAR @ FAR %.0e  %.4f (threshold cosine %.4f, FAR reached %.5f over %d impostor"
                  + " pairs)%n",
              p.targetFar(), p.tar(), p.threshold(), p.far(), r.impostor().count()));
    }
    sb.append(
        f(
            "no-face images  %d (fallback crops %d, unreadable %d)%n",
            outcome.noFaceImages(), outcome.fallbackImages(), outcome.unreadableImages()));
    sb.append(summaryLine("genuine ", r.genuine()));
    sb.append(summaryLine("impostor", r.impostor()));
    for (KFoldVerification.FoldResult fr : r.folds()) {
      sb.append(
          f(
              "  fold %2d: threshold %.4f accuracy %.4f strict %.4f (%d/%d pairs scored)%n",
              fr.fold(),
              fr.threshold(),
              fr.accuracy(),
              fr.strictAccuracy(),
              fr.scoredPairs(),
              fr.pairs()));
    }
    sb.append(f("time %.1f s%n", outcome.seconds()));
    return sb.toString();
  }

  private static String summaryLine(String name, ScoreSummary s) {
    return f(
        "%s cosine: n %d mean %.4f std %.4f min %.4f p1 %.4f p5 %.4f median %.4f p95 %.4f p99"
            + " %.4f max %.4f%n",
        name,
        s.count(),
        s.mean(),
        s.std(),
        s.min(),
        s.p01(),
        s.p05(),
        s.median(),
        s.p95(),
        s.p99(),
        s.max());
  }

  /**
   * The result as one JSON object on one line.
   *
   * @return the JSON text
   */
  public String json() {
    KFoldVerification.Result r = result;
    JsonObject o = new JsonObject();
    o.addProperty("accuracy", r.accuracy());
    o.addProperty("accuracy_std", r.accuracyStd());
    o.addProperty("strict_accuracy", r.strictAccuracy());
    o.addProperty("auc", r.auc());
    o.addProperty("tar_at_far_1e-2", r.atFar1e2().tar());
    o.addProperty("tar_at_far_1e-3", r.atFar1e3().tar());
    o.addProperty("threshold", r.threshold());
    o.addProperty("threshold_l2", Similarity.distanceForCosine(r.threshold()));
    o.addProperty("threshold_at_far_1e-2", r.atFar1e2().threshold());
    o.addProperty("threshold_at_far_1e-3", r.atFar1e3().threshold());
    o.addProperty("no_face_images", outcome.noFaceImages());
    o.addProperty("fallback_images", outcome.fallbackImages());
    o.addProperty("unreadable_images", outcome.unreadableImages());
    o.addProperty("pairs", r.pairs());
    o.addProperty("scored_pairs", r.scoredPairs());
    o.addProperty("images", outcome.images().size());
    o.addProperty("folds", r.folds().size());
    o.addProperty("folds_from_list", foldsFromList);
    o.add("genuine", GSON.toJsonTree(r.genuine()));
    o.add("impostor", GSON.toJsonTree(r.impostor()));
    o.addProperty("seconds", outcome.seconds());
    return GSON.toJson(o);
  }

  /**
   * Writes one line per pair: fold, label, images, cosine, L2 distance, whether faces were detected
   * in both, the fold's threshold, the decision and whether it was right.
   *
   * @param file the TSV to write
   * @throws IOException if it cannot be written
   */
  public void writePairsTsv(Path file) throws IOException {
    Map<Integer, Double> thresholds = new java.util.HashMap<>();
    result.folds().forEach(f -> thresholds.put(f.fold(), f.threshold()));
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
      w.println(
          "fold\tlabel\timage_a\timage_b\tcosine\tl2\tfaces_detected\tthreshold\tsame\tcorrect");
      for (ScoredPair s : outcome.scored()) {
        VerificationPair p = s.pair();
        double t = thresholds.get(p.fold());
        boolean decided = s.scored();
        boolean same = decided && s.score() >= t;
        w.println(
            String.join(
                "\t",
                Integer.toString(p.fold()),
                p.same() ? "1" : "0",
                p.imageA(),
                p.imageB(),
                decided ? f("%.6f", s.score()) : "NaN",
                decided ? f("%.6f", Similarity.distanceForCosine(s.score())) : "NaN",
                s.facesDetected() ? "1" : "0",
                f("%.6f", t),
                decided ? (same ? "1" : "0") : "",
                decided ? (same == p.same() ? "1" : "0") : "0"));
      }
    }
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
