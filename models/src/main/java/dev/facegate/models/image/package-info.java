/**
 * Image input for the face pipeline: safe decoding of untrusted bytes ({@link
 * dev.facegate.models.image.ImageDecoder}) and the plain RGB pixel container the networks read
 * ({@link dev.facegate.models.image.RgbImage}).
 */
package dev.facegate.models.image;
