package dev.facegate.recognition.entity;

/**
 * A point of the ROC / DET curve (FMR &gt; 0, drawable on a log axis).
 *
 * @param threshold the threshold
 * @param fmr false match rate
 * @param fnmr false non-match rate
 */
public record CurvePoint(double threshold, double fmr, double fnmr) {}
