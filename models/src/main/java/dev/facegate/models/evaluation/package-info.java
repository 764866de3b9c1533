/**
 * The 1:1 verification protocol: pair lists (FaceGate's TSV and LFW's {@code pairs.txt}), k-fold
 * evaluation where each fold's threshold is chosen on the other folds (the LFW "unrestricted"
 * protocol), ROC figures (AUC, TAR at a given FAR) and score distribution summaries.
 *
 * <p>Pure Java on scores: nothing here needs a network, so the protocol is tested on synthetic
 * score sets with known answers.
 */
package dev.facegate.models.evaluation;
