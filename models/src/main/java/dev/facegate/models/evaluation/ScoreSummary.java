package dev.facegate.models.evaluation;

import java.util.Arrays;

/**
 * Summary of a score distribution (genuine or impostor).
 *
 * @param count number of scores
 * @param mean mean
 * @param std population standard deviation
 * @param min minimum
 * @param p01 1st percentile
 * @param p05 5th percentile
 * @param median median
 * @param p95 95th percentile
 * @param p99 99th percentile
 * @param max maximum
 */
public record ScoreSummary(
    int count,
    double mean,
    double std,
    double min,
    double p01,
    double p05,
    double median,
    double p95,
    double p99,
    double max) {

  /**
   * Summarises scores.
   *
   * @param scores the scores (not modified)
   * @return the summary; all NaN when there are no scores
   */
  public static ScoreSummary of(double[] scores) {
    int n = scores.length;
    if (n == 0) {
      double nan = Double.NaN;
      return new ScoreSummary(0, nan, nan, nan, nan, nan, nan, nan, nan, nan);
    }
    double[] s = scores.clone();
    Arrays.sort(s);
    double mean = Arrays.stream(s).average().orElseThrow();
    double var = Arrays.stream(s).map(v -> (v - mean) * (v - mean)).sum() / n;
    return new ScoreSummary(
        n,
        mean,
        Math.sqrt(var),
        s[0],
        percentile(s, 1),
        percentile(s, 5),
        percentile(s, 50),
        percentile(s, 95),
        percentile(s, 99),
        s[n - 1]);
  }

  /**
   * Linear-interpolation percentile of sorted values (NumPy's default).
   *
   * @param sorted ascending values, not empty
   * @param p percentile in {@code [0, 100]}
   * @return the percentile
   */
  public static double percentile(double[] sorted, double p) {
    double pos = p / 100 * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }
}
