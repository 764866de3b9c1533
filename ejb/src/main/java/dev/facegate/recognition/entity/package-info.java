/**
 * Plain values of threshold tuning: the scope of a calibration, its report (counts, operating
 * points, curves, histograms), a proposed change and its preview. They carry scores and counts
 * only, never a template vector.
 */
package dev.facegate.recognition.entity;
