/**
 * Plain-array geometry shared by the face pipeline: boxes, points, intersection over union and
 * non-maximum suppression. No DJL types, so it is cheap to use and easy to test.
 */
package dev.facegate.models.geometry;
