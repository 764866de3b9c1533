/**
 * Face alignment: the least-squares similarity transform (Umeyama) from detected landmarks to the
 * template of an embedding model, and the bilinear warp that cuts the face chip the model expects.
 *
 * <p>Plain Java on {@code double} arrays and {@link dev.facegate.models.image.RgbImage}; no engine
 * is needed, so the geometry is tested without weights.
 */
package dev.facegate.models.alignment;
