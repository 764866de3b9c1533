package dev.facegate.faces.entity;

import dev.facegate.models.pipeline.EmbeddedFace;
import java.util.List;
import java.util.Optional;

/**
 * What face analysis found in one photo. The faces are the models' own {@link EmbeddedFace}: box,
 * detector score, landmarks, quality, the aligned chip and the embedding with its model id and
 * version; nothing is copied into a look-alike type.
 *
 * @param width the photo's width in pixels, after its EXIF orientation was applied
 * @param height the photo's height in pixels, after its EXIF orientation was applied
 * @param faceCount how many faces were detected
 * @param faces the embedded faces, largest box first; empty when there is none, and also when more
 *     faces were found than the caller asked to embed (see {@link #faceCount})
 * @param thumbnailJpeg a small upright JPEG of the photo, when the caller asked for one (the
 *     console's preview); never stored
 */
public record PhotoAnalysis(
    int width,
    int height,
    int faceCount,
    List<EmbeddedFace> faces,
    Optional<byte[]> thumbnailJpeg) {

  public PhotoAnalysis {
    faces = List.copyOf(faces);
    if (faces.size() > faceCount) {
      throw new IllegalArgumentException("more embedded faces than detected faces");
    }
  }

  /** The only face, when exactly one was found and embedded. */
  public Optional<EmbeddedFace> singleFace() {
    return faceCount == 1 && faces.size() == 1 ? Optional.of(faces.get(0)) : Optional.empty();
  }

  /** The largest face, when any was embedded. */
  public Optional<EmbeddedFace> largestFace() {
    return faces.stream().findFirst();
  }
}
