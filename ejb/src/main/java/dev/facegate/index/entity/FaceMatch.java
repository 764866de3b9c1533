package dev.facegate.index.entity;

/**
 * A search hit.
 *
 * @param templateId the matching template
 * @param personId the person it belongs to
 * @param similarity cosine similarity to the query, in [-1, 1]; 1 is the same direction
 */
public record FaceMatch(String templateId, String personId, double similarity) {}
