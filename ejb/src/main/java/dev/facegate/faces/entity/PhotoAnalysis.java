package dev.facegate.faces.entity;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * What face analysis found in one photo, as plain serialisable values: the in-process engine and an
 * inference node's remote interface return the same record.
 *
 * @param width the photo's width in pixels, after its EXIF orientation was applied
 * @param height the photo's height in pixels, after its EXIF orientation was applied
 * @param faceCount how many faces were detected
 * @param faces the embedded faces, largest box first; empty when there is none, and also when more
 *     faces were found than the caller asked to embed (see {@link #faceCount})
 * @param thumbnail a small upright JPEG of the photo when the caller asked for one (the console's
 *     preview; never stored), otherwise {@code null}; read it with {@link #thumbnailJpeg()}
 */
public record PhotoAnalysis(
    int width, int height, int faceCount, List<AnalysedFace> faces, byte[] thumbnail)
    implements Serializable {

  public PhotoAnalysis {
    faces = List.copyOf(faces);
    if (faces.size() > faceCount) {
      throw new IllegalArgumentException("more embedded faces than detected faces");
    }
  }

  /** The preview JPEG, when the caller asked for one. */
  public Optional<byte[]> thumbnailJpeg() {
    return Optional.ofNullable(thumbnail);
  }

  /** The only face, when exactly one was found and embedded. */
  public Optional<AnalysedFace> singleFace() {
    return faceCount == 1 && faces.size() == 1 ? Optional.of(faces.get(0)) : Optional.empty();
  }

  /** The largest face, when any was embedded. */
  public Optional<AnalysedFace> largestFace() {
    return faces.stream().findFirst();
  }
}
