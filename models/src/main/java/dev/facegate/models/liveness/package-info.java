/**
 * Presentation-attack detection from what the detector already gives: head pose from MTCNN's five
 * landmarks ({@link dev.facegate.models.liveness.HeadPose}), a passive check that a face moves like
 * a 3-D head rather than a flat picture ({@link dev.facegate.models.liveness.MotionCheck}), and an
 * active head-turn challenge over the frames of one attempt ({@link
 * dev.facegate.models.liveness.ChallengeVerifier}).
 *
 * <p>Coordinates are those of the frame as the camera delivers it (not mirrored). Positive yaw
 * means the person turns to <em>their own</em> left, so the nose moves towards the image's right
 * (larger x); on a kiosk's mirrored preview the person sees their face turn to the screen's left,
 * the side an on-screen "turn left" arrow points to. Positive pitch means the face looks up.
 *
 * <p>Engine-independent and pure: plain arrays and records, no DJL, no I/O.
 */
package dev.facegate.models.liveness;
