package dev.facegate.access.control;

import static java.util.Objects.requireNonNull;

import dev.facegate.domain.attendance.LivenessCheck;
import dev.facegate.models.geometry.Point;
import dev.facegate.models.liveness.MotionCheck;
import dev.facegate.recognition.boundary.Identification;
import dev.facegate.recognition.boundary.Identification.FaceInFrame;
import java.util.List;
import java.util.Locale;

/**
 * The passive liveness check of a door burst: the frames that show one face must show the same face
 * (embedding similarity to the frame the decision rests on at least the challenge's bound), and
 * their landmarks must not move as the points of one plane do ({@link MotionCheck#assess}: the
 * largest homography residual over all pairs of frames reaches the residual bound). Pure: the
 * frames are identified by the caller.
 *
 * <p>Reasons start with the models' failure names ({@code FLAT_MOTION}, {@code IDENTITY_CHANGED})
 * or {@code TOO_FEW_FACES}, so the check-in log can be filtered by them.
 */
public final class BurstLiveness {

  private BurstLiveness() {}

  /**
   * What the check found.
   *
   * @param result PASSED or FAILED
   * @param residual the largest homography residual over the face frames (0 if not computed)
   * @param faces how many frames showed one face
   * @param reason one sentence for the check-in log
   */
  public record Judgement(LivenessCheck result, double residual, int faces, String reason) {
    public Judgement {
      requireNonNull(result, "result is required");
      requireNonNull(reason, "reason is required");
    }

    public boolean passed() {
      return result == LivenessCheck.PASSED;
    }
  }

  /**
   * Judges a burst of at least two frames.
   *
   * @param frames every frame's identification, in the order sent
   * @param basis the frame the door's decision rests on (one of {@code frames}, with one face)
   * @param minResidual the residual bound (per eye distance)
   * @param minSimilarity the least cosine similarity of each face to the basis's face
   */
  public static Judgement judge(
      List<Identification> frames, Identification basis, double minResidual, double minSimilarity) {
    List<Identification> faces =
        frames.stream().filter(f -> f.face().isPresent() && f.probe().isPresent()).toList();
    if (faces.size() < 2) {
      return new Judgement(
          LivenessCheck.FAILED,
          0,
          faces.size(),
          String.format(
              Locale.ROOT,
              "TOO_FEW_FACES: only %d of the burst's %d frames show one face; the motion check"
                  + " needs two.",
              faces.size(),
              frames.size()));
    }
    Identification.Probe reference = basis.probe().orElseThrow();
    for (int i = 0; i < faces.size(); i++) {
      double similarity = faces.get(i).probe().orElseThrow().similarity(reference);
      if (similarity < minSimilarity) {
        return new Judgement(
            LivenessCheck.FAILED,
            0,
            faces.size(),
            String.format(
                Locale.ROOT,
                "IDENTITY_CHANGED: a face of the burst is only %.3f alike to the recognised one"
                    + " (bound %.3f).",
                similarity,
                minSimilarity));
      }
    }
    MotionCheck.Assessment motion =
        MotionCheck.assess(faces.stream().map(f -> landmarks(f.face().orElseThrow())).toList());
    if (motion.looksThreeDimensional(minResidual)) {
      return new Judgement(
          LivenessCheck.PASSED,
          motion.homographyResidual(),
          faces.size(),
          String.format(
              Locale.ROOT,
              "Motion check passed over %d frames: landmark residual %.3f (bound %.3f), yaw range"
                  + " %.1f degrees.",
              faces.size(),
              motion.homographyResidual(),
              minResidual,
              motion.yawRangeDegrees()));
    }
    return new Judgement(
        LivenessCheck.FAILED,
        motion.homographyResidual(),
        faces.size(),
        String.format(
            Locale.ROOT,
            "FLAT_MOTION: over %d frames the landmarks moved like a flat picture (residual %.3f,"
                + " bound %.3f).",
            faces.size(),
            motion.homographyResidual(),
            minResidual));
  }

  private static List<Point> landmarks(FaceInFrame face) {
    return face.landmarks().stream().map(l -> new Point(l.x(), l.y())).toList();
  }
}
