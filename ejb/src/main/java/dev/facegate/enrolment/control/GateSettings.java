package dev.facegate.enrolment.control;

/**
 * Limits of the enrolment quality gate.
 *
 * @param minFaceSizePx smallest accepted face (side of the detection box)
 * @param minSharpness smallest accepted Laplacian variance of the aligned chip
 * @param minFrontalness smallest accepted frontalness (1 frontal, 0 profile)
 * @param duplicateSimilarity a face at least this similar to ANOTHER person's template is refused
 */
public record GateSettings(
    int minFaceSizePx, double minSharpness, double minFrontalness, double duplicateSimilarity) {}
