package dev.facegate.models.liveness;

import dev.facegate.models.alignment.SimilarityTransform;
import dev.facegate.models.detection.Landmark;
import dev.facegate.models.geometry.Point;
import java.util.List;
import java.util.Objects;

/**
 * The passive liveness cue: does a face move like a 3-D head or like a flat picture?
 *
 * <p>All five landmarks of a photo or screen lie in one plane, so however the picture is moved,
 * tilted or turned in front of the camera, the landmarks of two frames are related by one plane
 * projective transform (a homography; a similarity when the picture stays parallel to the sensor).
 * The landmarks of a real head are not coplanar: the nose tip stands about half an eye distance in
 * front of the eyes and mouth, so when the head turns the nose moves against the others (parallax)
 * and no homography fits all five.
 *
 * <p>{@link #compare} fits, by least squares, the best similarity ({@link
 * SimilarityTransform#estimate}) and the best homography (normalised DLT, {@link
 * Homography#estimate}) from the landmarks of one frame to those of another and reports their RMS
 * residuals divided by the mean eye distance of the two frames, with the estimated yaw change. With
 * five points the homography has eight parameters, so its residual is essentially the nose's
 * departure from the plane through the eyes and mouth corners: about {@code 0.52 sin(yaw change)}
 * eye distances spread over the five points for a head, zero plus landmark noise for a picture.
 *
 * <p>{@link #assess} scores a sequence: the largest homography residual over all pairs of frames. A
 * head that turns makes it large; a picture, however it is waved or tilted, keeps it at the level
 * of landmark noise even when its estimated yaw "changes" (a tilted print foreshortens). A live
 * person who keeps perfectly still also scores low: the check needs motion.
 */
public final class MotionCheck {

  private MotionCheck() {}

  /**
   * How two frames' landmarks relate.
   *
   * @param similarityResidual RMS residual of the best similarity, per eye distance
   * @param homographyResidual RMS residual of the best homography, per eye distance; near 0 for any
   *     motion of a flat picture
   * @param yawChangeDegrees estimated yaw of the second frame minus that of the first
   */
  public record Fit(
      double similarityResidual, double homographyResidual, double yawChangeDegrees) {}

  /**
   * The score of a sequence of frames.
   *
   * @param homographyResidual the largest homography residual over all pairs of frames, per eye
   *     distance; 0 for fewer than two frames
   * @param yawRangeDegrees the largest minus the smallest estimated yaw in the sequence
   * @param first index of the first frame of the pair with the largest residual (-1 if none)
   * @param second index of the second frame of that pair (-1 if none)
   */
  public record Assessment(
      double homographyResidual, double yawRangeDegrees, int first, int second) {

    /**
     * Whether the sequence moved like a head, at a residual threshold.
     *
     * @param minResidual the least homography residual (per eye distance) a head shows
     * @return true when the largest residual reaches it
     */
    public boolean looksThreeDimensional(double minResidual) {
      return homographyResidual >= minResidual;
    }
  }

  /**
   * Fits a similarity and a homography from one frame's landmarks to another's.
   *
   * @param from five landmarks of the earlier frame, in {@link Landmark} order
   * @param to five landmarks of the later frame
   * @return the residuals and the yaw change
   */
  public static Fit compare(List<Point> from, List<Point> to) {
    double[][] a = toArray(from);
    double[][] b = toArray(to);
    HeadPose pa = HeadPose.of(from);
    HeadPose pb = HeadPose.of(to);
    double scale = (pa.eyeDistance() + pb.eyeDistance()) / 2;
    double similarity = SimilarityTransform.estimate(a, b).rmsError(a, b) / scale;
    double homography = Homography.estimate(a, b).rmsError(a, b) / scale;
    return new Fit(similarity, homography, pb.yawDegrees() - pa.yawDegrees());
  }

  /**
   * Scores a sequence of one face's landmarks: the pair of frames with the largest homography
   * residual. Quadratic in the number of frames, which is a handful per attempt.
   *
   * @param frames the landmarks of each frame, five points each, in time order
   * @return the assessment
   */
  public static Assessment assess(List<List<Point>> frames) {
    Objects.requireNonNull(frames, "frames are required");
    double best = 0;
    int first = -1;
    int second = -1;
    double minYaw = Double.POSITIVE_INFINITY;
    double maxYaw = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < frames.size(); i++) {
      double yaw = HeadPose.of(frames.get(i)).yawDegrees();
      minYaw = Math.min(minYaw, yaw);
      maxYaw = Math.max(maxYaw, yaw);
      for (int j = i + 1; j < frames.size(); j++) {
        double r = compare(frames.get(i), frames.get(j)).homographyResidual();
        if (r > best || first < 0) {
          best = r;
          first = i;
          second = j;
        }
      }
    }
    return new Assessment(best, frames.isEmpty() ? 0 : maxYaw - minYaw, first, second);
  }

  static double[][] toArray(List<Point> landmarks) {
    Objects.requireNonNull(landmarks, "landmarks are required");
    if (landmarks.size() != Landmark.values().length) {
      throw new IllegalArgumentException("expected 5 landmarks, got " + landmarks.size());
    }
    double[][] out = new double[landmarks.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = new double[] {landmarks.get(i).x(), landmarks.get(i).y()};
    }
    return out;
  }
}
