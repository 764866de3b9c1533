package dev.facegate.models.pipeline;

import dev.facegate.models.TestFaces;
import dev.facegate.models.comparison.Similarity;
import dev.facegate.models.detection.FaceDetector;
import dev.facegate.models.embedding.FaceEmbedder;
import dev.facegate.models.geometry.Box;
import dev.facegate.models.geometry.Point;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Compares what two face pipelines (two engines, or one engine on two devices) make of the same
 * photos: the same confident faces, boxes and landmarks within a pixel tolerance, embeddings within
 * a cosine bound.
 *
 * <p>Only faces scoring above {@link Tolerance#confidentScore()} must exist on both sides: a
 * candidate near a stage threshold may pass on one computation only (float32 sums in another order,
 * or TF32 convolutions on a GPU), and that is not a disagreement about a face. Such a face must
 * still find a counterpart of any score on the other side. Faces are paired by the largest IoU, so
 * nothing depends on the order of equal scores.
 */
final class PipelineAgreement {

  /**
   * The shared photos both comparisons run on: 6, 3 and 5 faces on group photos (small, tilted and
   * half-turned faces among them) and one large frontal face.
   */
  static final List<String> PHOTOS =
      List.of(
          "faceapijs/test_images/faces.jpg",
          "dlib_faces/2008_002506.jpg",
          "deepface_tests/selfie-many-people.jpg",
          "azure_face_samples/detection1.jpg");

  /**
   * The bounds a second device (or engine) must keep against the CPU.
   *
   * <ul>
   *   <li>3 px for box coordinates and landmarks: the networks' outputs agree to about 1e-3 of the
   *       box side between engines (EngineParityTest), i.e. well under a pixel on faces of 40-300
   *       px; what can move a final box by a pixel or two is a different survivor of a non-maximum
   *       suppression among near-equal candidates. 3 px is under a tenth of the smallest face
   *       searched (40 px), so a face found in another place still fails.
   *   <li>cosine 0.995 for embeddings: float32 reordering gives about 1 - 1e-6; a GPU may run the
   *       convolutions in TF32 (PyTorch's default for cuDNN on Ampere and later: 10-bit mantissa),
   *       which costs more but stays far above 0.995; the decision threshold sits near 0.91, so a
   *       0.005 change cannot turn a clear match into a non-match, while a wrong layer or layout
   *       gives cosines below 0.9.
   *   <li>faces scoring above 0.9 (O-Net's threshold 0.7 plus a 0.2 margin) must exist on both
   *       sides.
   * </ul>
   */
  static final Tolerance DEVICE_TOLERANCE = new Tolerance(3.0, 3.0, 0.995, 0.9);

  private PipelineAgreement() {}

  /** A pipeline that embeds every face it finds (the same settings on both sides). */
  static FacePipeline pipeline(FaceDetector detector, FaceEmbedder embedder) {
    return FacePipeline.builder().setDetector(detector).setEmbedder(embedder).build();
  }

  /** Runs both pipelines on each shared photo. */
  static List<Photo> process(List<String> photos, FacePipeline first, FacePipeline second) {
    List<Photo> out = new ArrayList<>();
    for (String name : photos) {
      Path file = TestFaces.file(name);
      out.add(new Photo(name, first.process(file), second.process(file)));
    }
    return out;
  }

  /**
   * Bounds two computations of one photo must keep.
   *
   * @param maxBoxShiftPixels largest difference of any box coordinate (x1, y1, x2, y2), in pixels
   * @param maxLandmarkShiftPixels largest distance between the same landmark, in pixels
   * @param minCosine smallest cosine similarity of the two embeddings of a face
   * @param confidentScore faces scoring above this must appear on both sides
   */
  record Tolerance(
      double maxBoxShiftPixels,
      double maxLandmarkShiftPixels,
      double minCosine,
      double confidentScore) {}

  /** One photo as both pipelines saw it. */
  record Photo(String name, PhotoResult first, PhotoResult second) {}

  /**
   * What was compared and the largest differences seen.
   *
   * @param comparedFaces confident faces checked, counted from both sides
   * @param maxBoxShift largest box coordinate difference seen, in pixels
   * @param maxLandmarkShift largest landmark distance seen, in pixels
   * @param minCosine smallest embedding cosine seen (1 when nothing was compared)
   * @param violations one line per broken bound; empty when the pipelines agree
   */
  record Report(
      int comparedFaces,
      double maxBoxShift,
      double maxLandmarkShift,
      double minCosine,
      List<String> violations) {

    boolean agrees() {
      return violations.isEmpty();
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "%d faces compared; largest box shift %.2e px, largest landmark shift %.2e px, smallest"
              + " cosine 1 - %.2e; %s",
          comparedFaces,
          maxBoxShift,
          maxLandmarkShift,
          1 - minCosine,
          violations.isEmpty() ? "agree" : "violations: " + violations);
    }
  }

  /**
   * Compares the photos in both directions (each side's confident faces must be found on the other
   * side). Comparing nothing at all is a violation: agreement must not come from empty results.
   */
  static Report compare(List<Photo> photos, Tolerance tolerance) {
    Accumulator acc = new Accumulator(tolerance);
    for (Photo photo : photos) {
      acc.oneWay(photo.name() + " first->second", photo.first(), photo.second());
      acc.oneWay(photo.name() + " second->first", photo.second(), photo.first());
    }
    if (acc.compared == 0) {
      acc.violations.add("no confident face to compare on " + photos.size() + " photos");
    }
    return new Report(
        acc.compared, acc.maxBoxShift, acc.maxLandmarkShift, acc.minCosine, acc.violations);
  }

  /** Largest difference of the four box coordinates, in pixels. */
  static double boxShift(Box a, Box b) {
    return Math.max(
        Math.max(Math.abs(a.x1() - b.x1()), Math.abs(a.y1() - b.y1())),
        Math.max(Math.abs(a.x2() - b.x2()), Math.abs(a.y2() - b.y2())));
  }

  /** Largest distance between corresponding landmarks, in pixels. */
  static double landmarkShift(List<Point> a, List<Point> b) {
    if (a.size() != b.size()) {
      return Double.POSITIVE_INFINITY;
    }
    double worst = 0;
    for (int i = 0; i < a.size(); i++) {
      worst = Math.max(worst, Math.hypot(a.get(i).x() - b.get(i).x(), a.get(i).y() - b.get(i).y()));
    }
    return worst;
  }

  private static final class Accumulator {
    private final Tolerance tolerance;
    private final List<String> violations = new ArrayList<>();
    private int compared;
    private double maxBoxShift;
    private double maxLandmarkShift;
    private double minCosine = 1;

    Accumulator(Tolerance tolerance) {
      this.tolerance = tolerance;
    }

    void oneWay(String what, PhotoResult from, PhotoResult to) {
      for (EmbeddedFace face : from.faces()) {
        if (!face.detected() || face.score() <= tolerance.confidentScore()) {
          continue;
        }
        compared++;
        EmbeddedFace match = bestOverlap(face, to.faces());
        if (match == null) {
          violations.add(what + ": no face on the other side for " + face.box());
          continue;
        }
        double box = boxShift(face.box(), match.box());
        double landmarks = landmarkShift(face.landmarks(), match.landmarks());
        double cosine = Similarity.cosine(face.embedding(), match.embedding());
        maxBoxShift = Math.max(maxBoxShift, box);
        maxLandmarkShift = Math.max(maxLandmarkShift, landmarks);
        minCosine = Math.min(minCosine, cosine);
        if (box > tolerance.maxBoxShiftPixels()) {
          violations.add(
              String.format(
                  Locale.ROOT, "%s: box %s vs %s: %.2f px", what, face.box(), match.box(), box));
        }
        if (landmarks > tolerance.maxLandmarkShiftPixels()) {
          violations.add(
              String.format(
                  Locale.ROOT, "%s: landmarks of %s: %.2f px", what, face.box(), landmarks));
        }
        if (cosine < tolerance.minCosine()) {
          violations.add(
              String.format(
                  Locale.ROOT, "%s: embedding of %s: cosine %.6f", what, face.box(), cosine));
        }
      }
    }

    /** The face with the largest IoU, or {@code null} if none overlaps at all. */
    private static EmbeddedFace bestOverlap(EmbeddedFace face, List<EmbeddedFace> candidates) {
      EmbeddedFace best = null;
      double bestIou = 0;
      for (EmbeddedFace c : candidates) {
        double iou = c.box().iou(face.box());
        if (iou > bestIou) {
          best = c;
          bestIou = iou;
        }
      }
      return best;
    }
  }
}
