package dev.facegate.recognition.control;

import java.util.List;

/**
 * What the face engine found in one photo: every face, largest first.
 *
 * @param width the photo's width in pixels
 * @param height the photo's height in pixels
 * @param faces the faces, largest box first; empty when there is none
 */
public record PhotoAnalysis(int width, int height, List<AnalysedFace> faces) {

  public PhotoAnalysis {
    faces = List.copyOf(faces);
  }
}
