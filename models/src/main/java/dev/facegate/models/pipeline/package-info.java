/**
 * The whole-photo pipeline: decode, detect (MTCNN), align (5-point similarity transform) and embed
 * (dlib ResNet), one embedding per face with its box. Bad input is a result, not an exception.
 */
package dev.facegate.models.pipeline;
