/**
 * Evaluation of the face pipeline against ground truth: detection ground-truth formats (dlib imglab
 * XML, WIDER FACE) and detection metrics (recall, precision, average precision at an IoU
 * threshold).
 */
package dev.facegate.models.evaluation;
