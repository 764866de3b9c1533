package dev.facegate.models.geometry;

/**
 * A point in continuous image coordinates.
 *
 * @param x column
 * @param y row
 */
public record Point(double x, double y) {}
