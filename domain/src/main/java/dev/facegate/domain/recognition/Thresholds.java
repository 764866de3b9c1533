package dev.facegate.domain.recognition;

/**
 * The operating point of the open-set decision.
 *
 * @param threshold the lowest cosine similarity accepted as the same person
 * @param margin how much the best person must beat the best OTHER person by
 */
public record Thresholds(double threshold, double margin) {

  public Thresholds {
    if (!(threshold > -1 && threshold < 1)) {
      throw new IllegalArgumentException("threshold must lie strictly between -1 and 1");
    }
    if (!(margin >= 0 && margin < 1)) {
      throw new IllegalArgumentException("margin must lie in [0, 1)");
    }
  }
}
