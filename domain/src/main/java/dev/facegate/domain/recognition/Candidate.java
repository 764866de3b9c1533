package dev.facegate.domain.recognition;

/**
 * One neighbour of a probe face in the index.
 *
 * @param personId the employee the template belongs to
 * @param templateId the template
 * @param similarity cosine similarity to the probe, -1..1
 */
public record Candidate(long personId, long templateId, double similarity) {}
