package dev.facegate.models.evaluation;

import java.util.Objects;

/**
 * A pair with its similarity score.
 *
 * @param pair the pair
 * @param score cosine similarity (higher = more alike); {@code NaN} when the pair could not be
 *     scored (an image without an embedding)
 * @param facesDetected whether the detector found a face in both images (false when a fallback such
 *     as the centre crop produced an embedding, or when there is none)
 */
public record ScoredPair(VerificationPair pair, double score, boolean facesDetected) {

  /**
   * Validates the scored pair.
   *
   * @param pair the pair
   * @param score the score or NaN
   * @param facesDetected whether faces were detected in both images
   */
  public ScoredPair {
    Objects.requireNonNull(pair, "pair is required");
  }

  /**
   * Whether the pair has a score.
   *
   * @return {@code true} unless the score is NaN
   */
  public boolean scored() {
    return !Double.isNaN(score);
  }
}
