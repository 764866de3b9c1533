/**
 * The whole-photo pipeline: decode (pixel limit, EXIF orientation), detect (MTCNN), align (5-point
 * similarity transform), measure quality and embed (dlib ResNet); per face its box, score,
 * landmarks, quality and embedding. Bad input is a result, not an exception; so is a photo with
 * more faces than the caller embeds.
 */
package dev.facegate.models.pipeline;
