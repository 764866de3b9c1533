package dev.facegate.recognition.entity;

/**
 * One row of the operating-point table. When the data cannot resolve the target (fewer than {@code
 * 1 / target} impostor pairs) only {@code targetFmr} is set and {@code supported} is false.
 *
 * @param targetFmr the FMR asked for
 * @param supported whether the data can resolve it
 * @param threshold the lowest threshold whose FMR does not exceed the target
 * @param fmr the FMR reached there
 * @param fnmr the FNMR there
 * @param impostorPairsAccepted impostor pairs at or above the threshold
 * @param strangerMatchProbability {@code 1 - (1 - fmr)^N} for the N people of the gallery
 * @param falseOpensPer1000Strangers {@code 1000 *} that probability
 */
public record OperatingPointRow(
    double targetFmr,
    boolean supported,
    Double threshold,
    Double fmr,
    Double fnmr,
    Long impostorPairsAccepted,
    Double strangerMatchProbability,
    Double falseOpensPer1000Strangers) {}
