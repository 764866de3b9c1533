/**
 * Face embeddings: dlib's 29-layer ResNet ("dlib_face_recognition_resnet_model_v1") as DJL Blocks,
 * its Translator, and {@link dev.facegate.models.embedding.FaceEmbedder}, which loads the weights
 * once and turns aligned 150 px chips into L2-normalised 128-D {@link
 * dev.facegate.models.embedding.Embedding}s that carry the model id and version.
 */
package dev.facegate.models.embedding;
