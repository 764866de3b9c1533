package dev.facegate.recognition.entity;

import java.util.List;

/**
 * Genuine and impostor scores counted on common bins; bin {@code i} covers {@code [lo + i * width,
 * lo + (i + 1) * width)}.
 *
 * @param lo lower edge of the first bin
 * @param width bin width
 * @param genuine genuine pairs per bin
 * @param impostor impostor pairs per bin
 * @param recentBest best scores of the recent recorded decisions per bin (outside the range: in the
 *     first or last bin)
 */
public record ScoreHistogram(
    double lo, double width, List<Long> genuine, List<Long> impostor, List<Long> recentBest) {

  /** Copies the counts. */
  public ScoreHistogram {
    genuine = List.copyOf(genuine);
    impostor = List.copyOf(impostor);
    recentBest = List.copyOf(recentBest);
  }
}
