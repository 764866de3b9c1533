package dev.facegate.faces.entity;

import dev.facegate.models.alignment.FaceChip;
import dev.facegate.models.embedding.Embedding;
import dev.facegate.models.geometry.Box;
import dev.facegate.models.quality.FaceQuality;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * One face found in an uploaded photo or frame.
 *
 * @param box where it is, in the photo's pixel coordinates
 * @param detectionScore the detector's confidence
 * @param quality size, sharpness, frontalness
 * @param embedding the unit-length embedding with its model id and version
 * @param chip the aligned face chip the embedding was computed from
 */
public record AnalysedFace(
    Box box, double detectionScore, FaceQuality quality, Embedding embedding, FaceChip chip) {

  /** The chip as PNG, for installations that keep face crops and for the console's preview. */
  public byte[] chipPng() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(chip.toImage(), "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException("PNG encoding of a face chip failed", e);
    }
    return out.toByteArray();
  }
}
