package dev.facegate.domain.recognition;

/** What a recognition concluded about a frame. */
public enum Outcome {
  /** Exactly one face, confidently one enrolled person. */
  MATCH,
  /** One face, but nobody enrolled is close enough, or two people are too close to tell. */
  UNKNOWN,
  /** No face in the frame. */
  NO_FACE,
  /** More than one face: a door must not guess whom to let in. */
  MULTIPLE_FACES,
  /**
   * A face was seen, but the liveness check refused it as a presentation attack (a flat picture, a
   * failed head-turn challenge). Recorded by check-ins only: a recognition decision never has it.
   */
  LIVENESS_FAILED
}
