/**
 * Face detection with MTCNN (Zhang et al. 2016): an image pyramid scanned by P-Net, candidates
 * refined by R-Net and O-Net, five landmarks per face.
 *
 * <p>Entry point: {@link dev.facegate.models.detection.FaceDetector}. The networks are DJL blocks
 * built by {@link dev.facegate.models.detection.MtcnnBlocks} and run on DJL's MXNet engine by
 * default (PyTorch by configuration). Weights come from {@link
 * dev.facegate.models.weights.PackagedWeights#MTCNN}.
 */
package dev.facegate.models.detection;
