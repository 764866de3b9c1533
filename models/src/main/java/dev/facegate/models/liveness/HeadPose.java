package dev.facegate.models.liveness;

import dev.facegate.models.detection.FaceDetection;
import dev.facegate.models.detection.Landmark;
import dev.facegate.models.geometry.Point;
import java.util.List;
import java.util.Objects;

/**
 * Head pose estimated from the five MTCNN landmarks, in degrees.
 *
 * <p>The face frame: {@code u} is the unit vector from the eye on the image's left to the eye on
 * the image's right, {@code v} the unit vector perpendicular to it pointing down the face (image y
 * grows downwards). {@code E} is the eye midpoint, {@code M} the mouth-corner midpoint, {@code N}
 * the nose tip and {@code d = |R - L|} the eye distance.
 *
 * <ul>
 *   <li><b>roll</b> = {@code atan2(u.y, u.x)}: positive when the eye on the image's right is lower.
 *   <li><b>pitch</b>: {@code t = ((N - E)·v) / ((M - E)·v)} is how far down from the eyes to the
 *       mouth the nose tip sits. A nose tip that protrudes by {@code h} in front of the eye-mouth
 *       plane moves up by {@code h sin(pitch)} while the eye-mouth height shrinks to {@code m
 *       cos(pitch)}, so {@code t = T0 - (h / m) tan(pitch)} and {@code pitch = atan((T0 - t) /
 *       (h/m))}. Positive when the face looks up.
 *   <li><b>yaw</b>: the nose tip's offset from the face's midline (the line from {@code E} to
 *       {@code M}), measured along {@code u} at the nose's height and divided by {@code d}: {@code
 *       r = ((N - P)·u) / d} with {@code P = E + t (M - E)}. The same depth model gives {@code r =
 *       (h / d) tan(yaw)}, so {@code yaw = atan(r / (h/d))}. Positive when the nose moves towards
 *       the image's right, i.e. the person turns to their own left.
 * </ul>
 *
 * <p>The constants are those of an average face: {@code T0} = {@value #FRONTAL_NOSE_HEIGHT} (the
 * nose of the dlib 150 px chip template: eyes at y 43.2, nose 75.2, mouth 101.9), {@code h/d} =
 * {@value #NOSE_DEPTH_PER_EYE_DISTANCE} and {@code h/m} = {@value #NOSE_DEPTH_PER_EYE_MOUTH} (nose
 * tip about 33 mm in front of the eyes at 63 mm between eye centres and 60 mm from eyes to mouth).
 * Individual faces differ, so the angles are estimates with a person-dependent bias of several
 * degrees; the sign and the ordering of one person's poses are what the challenge relies on.
 *
 * @param yawDegrees positive = the person turned to their left (nose towards the image's right)
 * @param pitchDegrees positive = the face looks up
 * @param rollDegrees positive = the eye on the image's right is lower (clockwise on screen)
 * @param eyeDistance the distance between the eye centres in pixels, the scale of the face
 * @param noseOffset the yaw ratio {@code r}: nose offset from the midline per eye distance
 */
public record HeadPose(
    double yawDegrees,
    double pitchDegrees,
    double rollDegrees,
    double eyeDistance,
    double noseOffset) {

  /** Where the nose tip sits between eyes (0) and mouth (1) on a frontal face. */
  public static final double FRONTAL_NOSE_HEIGHT = 0.54;

  /** Depth of the nose tip in front of the eyes and mouth, per eye distance. */
  public static final double NOSE_DEPTH_PER_EYE_DISTANCE = 0.52;

  /** Depth of the nose tip in front of the eyes and mouth, per eye-to-mouth height. */
  public static final double NOSE_DEPTH_PER_EYE_MOUTH = 0.55;

  /**
   * Estimates the pose of a detected face.
   *
   * @param detection the detection; its landmarks in {@link Landmark} order
   * @return the pose
   */
  public static HeadPose of(FaceDetection detection) {
    Objects.requireNonNull(detection, "detection is required");
    return of(detection.landmarks());
  }

  /**
   * Estimates the pose from five landmarks.
   *
   * @param landmarks left eye, right eye, nose, left and right mouth corner (image left/right), as
   *     {@link Landmark} orders them
   * @return the pose
   * @throws IllegalArgumentException if there are not five points, or the eyes coincide, or the
   *     mouth is not below the eyes in the face frame (not a face)
   */
  public static HeadPose of(List<Point> landmarks) {
    Objects.requireNonNull(landmarks, "landmarks are required");
    if (landmarks.size() != Landmark.values().length) {
      throw new IllegalArgumentException("expected 5 landmarks, got " + landmarks.size());
    }
    Point l = landmarks.get(Landmark.LEFT_EYE.ordinal());
    Point r = landmarks.get(Landmark.RIGHT_EYE.ordinal());
    Point n = landmarks.get(Landmark.NOSE.ordinal());
    Point lm = landmarks.get(Landmark.LEFT_MOUTH.ordinal());
    Point rm = landmarks.get(Landmark.RIGHT_MOUTH.ordinal());
    double d = Math.hypot(r.x() - l.x(), r.y() - l.y());
    if (!(d > 1e-9)) {
      throw new IllegalArgumentException("the eyes coincide");
    }
    double ux = (r.x() - l.x()) / d;
    double uy = (r.y() - l.y()) / d;
    // v = u turned a quarter clockwise on screen: down the face when the face is upright.
    double vx = -uy;
    double vy = ux;
    double ex = (l.x() + r.x()) / 2;
    double ey = (l.y() + r.y()) / 2;
    double mx = (lm.x() + rm.x()) / 2;
    double my = (lm.y() + rm.y()) / 2;
    double mouthHeight = (mx - ex) * vx + (my - ey) * vy;
    if (!(mouthHeight > 1e-9)) {
      throw new IllegalArgumentException("the mouth is not below the eyes: not an upright face");
    }
    double t = ((n.x() - ex) * vx + (n.y() - ey) * vy) / mouthHeight;
    double px = ex + t * (mx - ex);
    double py = ey + t * (my - ey);
    double offset = ((n.x() - px) * ux + (n.y() - py) * uy) / d;
    double yaw = Math.toDegrees(Math.atan(offset / NOSE_DEPTH_PER_EYE_DISTANCE));
    double pitch = Math.toDegrees(Math.atan((FRONTAL_NOSE_HEIGHT - t) / NOSE_DEPTH_PER_EYE_MOUTH));
    double roll = Math.toDegrees(Math.atan2(uy, ux));
    return new HeadPose(yaw, pitch, roll, d, offset);
  }
}
