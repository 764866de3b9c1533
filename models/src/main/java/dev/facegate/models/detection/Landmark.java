package dev.facegate.models.detection;

/** The five MTCNN landmarks, in output order. "Left" is the subject's left as seen in the image. */
public enum Landmark {
  /** Centre of the eye on the image's left. */
  LEFT_EYE,
  /** Centre of the eye on the image's right. */
  RIGHT_EYE,
  /** Tip of the nose. */
  NOSE,
  /** Mouth corner on the image's left. */
  LEFT_MOUTH,
  /** Mouth corner on the image's right. */
  RIGHT_MOUTH
}
