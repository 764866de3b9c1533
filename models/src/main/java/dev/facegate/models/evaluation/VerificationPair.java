package dev.facegate.models.evaluation;

import java.util.Objects;

/**
 * One line of a pair list.
 *
 * @param fold the fold (1-based), or 0 when the list does not assign folds
 * @param same whether both images show the same person
 * @param imageA path of the first image, relative to the list's root directory
 * @param imageB path of the second image
 */
public record VerificationPair(int fold, boolean same, String imageA, String imageB) {

  /**
   * Validates the pair.
   *
   * @param fold the fold (1-based), or 0 when unassigned
   * @param same whether both images show the same person
   * @param imageA the first image
   * @param imageB the second image
   */
  public VerificationPair {
    if (fold < 0) {
      throw new IllegalArgumentException("fold must be >= 0: " + fold);
    }
    Objects.requireNonNull(imageA, "image a is required");
    Objects.requireNonNull(imageB, "image b is required");
  }

  /**
   * Returns the same pair in another fold.
   *
   * @param newFold the fold
   * @return the copy
   */
  public VerificationPair inFold(int newFold) {
    return new VerificationPair(newFold, same, imageA, imageB);
  }
}
