/**
 * Evaluation of the face pipeline against ground truth.
 *
 * <p>Detection: ground-truth formats (dlib imglab XML, WIDER FACE) and detection metrics (recall,
 * precision, average precision at an IoU threshold).
 *
 * <p>Verification (1:1): pair lists (FaceGate's TSV and LFW's {@code pairs.txt}), k-fold evaluation
 * where each fold's threshold is chosen on the other folds (the LFW "unrestricted" protocol), ROC
 * figures (AUC, TAR at a given FAR) and score distribution summaries. Pure Java on scores: nothing
 * here needs a network, so the protocol is tested on synthetic score sets with known answers.
 */
package dev.facegate.models.evaluation;
