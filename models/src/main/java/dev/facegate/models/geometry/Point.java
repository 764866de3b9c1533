package dev.facegate.models.geometry;

import java.io.Serializable;

/**
 * A point in continuous image coordinates.
 *
 * @param x column
 * @param y row
 */
public record Point(double x, double y) implements Serializable {}
