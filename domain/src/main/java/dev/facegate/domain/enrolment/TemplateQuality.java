package dev.facegate.domain.enrolment;

/**
 * Quality figures of the photo a template came from, kept so that thresholds of the enrolment
 * quality gate can be revisited later.
 *
 * @param detectionScore the detector's confidence, 0..1
 * @param faceSizePx the side of the face box in pixels
 * @param sharpness variance of the Laplacian of the aligned face chip (higher is sharper)
 * @param frontalness 1 for a frontal face, falling towards 0 as the head turns
 */
public record TemplateQuality(
    double detectionScore, int faceSizePx, double sharpness, double frontalness) {}
