/**
 * Comparing face embeddings: cosine similarity and Euclidean distance, and a verdict against a
 * calibrated threshold. For unit-length embeddings the two measures are tied by {@code d^2 = 2 - 2
 * cos}, so they rank pairs identically and a threshold in one converts exactly to the other.
 */
package dev.facegate.models.comparison;
