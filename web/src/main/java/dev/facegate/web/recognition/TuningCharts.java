package dev.facegate.web.recognition;

import dev.facegate.recognition.entity.CurvePoint;
import dev.facegate.recognition.entity.ScoreHistogram;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Chart.js configurations (JSON, rendered by PrimeFaces' {@code p:chart}, no plugin) of the tuning
 * page: score histograms with the threshold drawn as a vertical line, ROC and DET curves on a log
 * FMR axis, with labelled axes. Only numbers and fixed labels go into the JSON.
 */
public final class TuningCharts {

  private static final String GENUINE = "rgba(33, 112, 204, %s)";
  private static final String IMPOSTOR = "rgba(204, 51, 51, %s)";
  private static final String RECENT = "rgba(46, 139, 87, %s)";
  private static final String CURRENT = "rgba(20, 20, 20, 1)";
  private static final String PROPOSED = "rgba(230, 126, 0, 1)";

  private TuningCharts() {}

  /**
   * The histograms of genuine and impostor scores (and of the recent decisions' best scores), each
   * as its share of pairs per bin so both are visible although impostors are far more numerous.
   *
   * @param h the histograms
   * @param current the threshold in force
   * @param proposed a proposed threshold, or null
   * @return the Chart.js configuration
   */
  public static String histogram(ScoreHistogram h, double current, Double proposed) {
    List<String> datasets = new ArrayList<>();
    double top = 0;
    List<double[]> impostor = shares(h, h.impostor());
    List<double[]> genuine = shares(h, h.genuine());
    List<double[]> recent = shares(h, h.recentBest());
    for (List<double[]> s : List.of(impostor, genuine, recent)) {
      for (double[] p : s) {
        top = Math.max(top, p[1]);
      }
    }
    datasets.add(area("Impostor pairs (different people)", impostor, IMPOSTOR));
    datasets.add(area("Genuine pairs (same person)", genuine, GENUINE));
    if (h.recentBest().stream().mapToLong(Long::longValue).sum() > 0) {
      datasets.add(area("Recent check-ins (best score)", recent, RECENT));
    }
    datasets.add(vertical(label("Current threshold", current), current, top, CURRENT, false));
    if (proposed != null) {
      datasets.add(vertical(label("Proposed threshold", proposed), proposed, top, PROPOSED, true));
    }
    return config(
        "Score distributions of the enrolled templates",
        datasets,
        axis("linear", "Cosine similarity of a pair of templates", null),
        axis("linear", "Share of the pairs per bin", 0.0));
  }

  /**
   * The ROC curve: true match rate against the false match rate on a log axis.
   *
   * @param curve the curve
   * @param current FMR and FNMR at the threshold in force ({@code {fmr, fnmr}}), or null
   * @param proposed the same at a proposed threshold, or null
   * @param minFmr the smallest resolvable FMR (left end of the axis)
   * @return the Chart.js configuration
   */
  public static String roc(
      List<CurvePoint> curve, double[] current, double[] proposed, double minFmr) {
    List<double[]> points = new ArrayList<>();
    curve.forEach(p -> points.add(new double[] {p.fmr(), 1 - p.fnmr()}));
    return curveChart(
        "ROC: true match rate against false match rate",
        line("ROC (enrolled templates)", points, GENUINE),
        current,
        proposed,
        false,
        minFmr,
        axis("linear", "True match rate (1 - FNMR)", null));
  }

  /**
   * The DET curve: FNMR against FMR, both on log axes (points with FNMR 0 cannot be drawn).
   *
   * @param curve the curve
   * @param current FMR and FNMR at the threshold in force, or null
   * @param proposed the same at a proposed threshold, or null
   * @param minFmr the smallest resolvable FMR
   * @return the Chart.js configuration
   */
  public static String det(
      List<CurvePoint> curve, double[] current, double[] proposed, double minFmr) {
    List<double[]> points = new ArrayList<>();
    curve.stream()
        .filter(p -> p.fnmr() > 0)
        .forEach(p -> points.add(new double[] {p.fmr(), p.fnmr()}));
    return curveChart(
        "DET: false non-match rate against false match rate",
        line("DET (enrolled templates)", points, IMPOSTOR),
        current,
        proposed,
        true,
        minFmr,
        axis("logarithmic", "False non-match rate (FNMR, log scale)", null));
  }

  private static String curveChart(
      String title,
      String curve,
      double[] current,
      double[] proposed,
      boolean logY,
      double minFmr,
      String yAxis) {
    List<String> datasets = new ArrayList<>();
    datasets.add(curve);
    marker(datasets, "Current threshold", current, logY, CURRENT);
    marker(datasets, "Proposed threshold", proposed, logY, PROPOSED);
    return config(
        title, datasets, axis("logarithmic", "False match rate (FMR, log scale)", minFmr), yAxis);
  }

  private static void marker(
      List<String> datasets, String name, double[] point, boolean logY, String colour) {
    if (point == null || !(point[0] > 0) || (logY && !(point[1] > 0))) {
      return; // not drawable on the log axes
    }
    double y = logY ? point[1] : 1 - point[1];
    datasets.add(
        "{\"label\":"
            + str(name)
            + ",\"data\":"
            + points(List.of(new double[] {point[0], y}))
            + ",\"showLine\":false,\"pointRadius\":6,\"pointStyle\":\"rectRot\",\"backgroundColor\":"
            + str(colour)
            + ",\"borderColor\":"
            + str(colour)
            + "}");
  }

  private static List<double[]> shares(ScoreHistogram h, List<Long> counts) {
    long total = counts.stream().mapToLong(Long::longValue).sum();
    List<double[]> points = new ArrayList<>();
    for (int i = 0; i < counts.size(); i++) {
      points.add(
          new double[] {
            h.lo() + (i + 0.5) * h.width(), total == 0 ? 0 : counts.get(i) / (double) total
          });
    }
    return points;
  }

  private static String area(String name, List<double[]> points, String colour) {
    return "{\"label\":"
        + str(name)
        + ",\"data\":"
        + points(points)
        + ",\"showLine\":true,\"stepped\":\"middle\",\"fill\":\"origin\",\"pointRadius\":0,"
        + "\"borderWidth\":1.5,\"borderColor\":"
        + str(String.format(colour, "1"))
        + ",\"backgroundColor\":"
        + str(String.format(colour, "0.25"))
        + "}";
  }

  private static String line(String name, List<double[]> points, String colour) {
    return "{\"label\":"
        + str(name)
        + ",\"data\":"
        + points(points)
        + ",\"showLine\":true,\"pointRadius\":0,\"borderWidth\":2,\"borderColor\":"
        + str(String.format(colour, "1"))
        + ",\"backgroundColor\":"
        + str(String.format(colour, "1"))
        + "}";
  }

  private static String vertical(String name, double x, double top, String colour, boolean dashed) {
    return "{\"label\":"
        + str(name)
        + ",\"data\":"
        + points(List.of(new double[] {x, 0}, new double[] {x, top * 1.05}))
        + ",\"showLine\":true,\"pointRadius\":0,\"borderWidth\":2.5,"
        + (dashed ? "\"borderDash\":[6,4]," : "")
        + "\"borderColor\":"
        + str(colour)
        + ",\"backgroundColor\":"
        + str(colour)
        + "}";
  }

  private static String axis(String type, String title, Double min) {
    return "{\"type\":"
        + str(type)
        + (min == null ? "" : ",\"min\":" + num(min))
        + ",\"title\":{\"display\":true,\"text\":"
        + str(title)
        + ",\"font\":{\"size\":13}}}";
  }

  private static String config(String title, List<String> datasets, String x, String y) {
    return "{\"type\":\"scatter\",\"data\":{\"datasets\":["
        + String.join(",", datasets)
        + "]},\"options\":{\"animation\":false,\"responsive\":true,\"maintainAspectRatio\":false,"
        + "\"plugins\":{\"title\":{\"display\":true,\"text\":"
        + str(title)
        + ",\"font\":{\"size\":14}},\"legend\":{\"position\":\"bottom\"}},"
        + "\"scales\":{\"x\":"
        + x
        + ",\"y\":"
        + y
        + "}}}";
  }

  private static String points(List<double[]> points) {
    StringBuilder b = new StringBuilder("[");
    for (double[] p : points) {
      if (b.length() > 1) {
        b.append(',');
      }
      b.append("{\"x\":").append(num(p[0])).append(",\"y\":").append(num(p[1])).append('}');
    }
    return b.append(']').toString();
  }

  private static String label(String name, double threshold) {
    return String.format(Locale.ROOT, "%s %.4f", name, threshold);
  }

  static String num(double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException("chart values must be finite, got " + v);
    }
    return String.format(Locale.ROOT, "%.6g", v);
  }

  private static String str(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
