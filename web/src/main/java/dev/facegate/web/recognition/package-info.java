/**
 * Console page of threshold tuning: the calibration report of the enrolled templates with its
 * charts, the preview of a proposed threshold and margin, and applying it (administrators).
 */
package dev.facegate.web.recognition;
