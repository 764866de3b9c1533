/**
 * Face detection with MTCNN (Zhang et al. 2016): an image pyramid scanned by P-Net, candidates
 * refined by R-Net and O-Net, five landmarks per face.
 *
 * <p>Entry point: {@link dev.facegate.models.detection.FaceDetector}. The networks are DJL blocks
 * built by {@link dev.facegate.models.detection.MtcnnBlocks} and run on DJL's MXNet engine by
 * default (PyTorch by configuration). Weights come from {@link
 * dev.facegate.models.weights.PackagedWeights#MTCNN}.
 *
 * <p>Output order: a detector returns its faces by score, highest first, and equal scores by the
 * box's left edge, then its top edge. The order is therefore a function of the detections alone,
 * never of an engine's internal candidate order (O-Net often scores several faces exactly 1.0).
 * Engines agree on each network's outputs to float32 rounding, not bit for bit: a candidate whose
 * score sits on a stage threshold may survive on one engine only. Compare results of two engines or
 * machines as sets of boxes, not as lists.
 */
package dev.facegate.models.detection;
