package dev.facegate.access.boundary;

import static java.util.Objects.requireNonNull;

import dev.facegate.recognition.boundary.Identification.FaceInFrame;
import java.util.Optional;
import java.util.UUID;

/**
 * The server's answer to one kiosk frame.
 *
 * @param state where the kiosk stands after this frame
 * @param attemptId the attempt to name with the next frame, while {@link State#PENDING}
 * @param faceCount faces seen in the frame
 * @param face where the one face is, for the kiosk to draw its box (in frame pixels)
 * @param frameWidth the frame's width as decoded
 * @param frameHeight the frame's height as decoded
 * @param checkIn the attempt's check-in, when this frame ended it
 * @param challenge the side the person is asked to turn to (LEFT or RIGHT, as they see it), while
 *     {@link State#CHALLENGE}
 */
public record KioskFrame(
    State state,
    Optional<UUID> attemptId,
    int faceCount,
    Optional<FaceInFrame> face,
    int frameWidth,
    int frameHeight,
    Optional<KioskCheckIn> checkIn,
    Optional<String> challenge) {

  /** A frame answer without a challenge. */
  public KioskFrame(
      State state,
      Optional<UUID> attemptId,
      int faceCount,
      Optional<FaceInFrame> face,
      int frameWidth,
      int frameHeight,
      Optional<KioskCheckIn> checkIn) {
    this(state, attemptId, faceCount, face, frameWidth, frameHeight, checkIn, Optional.empty());
  }

  /** Where a kiosk stands. */
  public enum State {
    /** Only watching (between attempts): nothing was decided and nothing recorded. */
    WATCHING,
    /** An attempt is running: send the next frame with its id. */
    PENDING,
    /** The attempt ended with a check-in of a recognised person. */
    CHECKED_IN,
    /** The attempt ended with no agreement: an UNKNOWN check-in was recorded. */
    NOT_RECOGNISED,
    /**
     * The frames agreed on a person and the kiosk asks for the head-turn challenge: show the
     * instruction and keep sending frames with the attempt's id.
     */
    CHALLENGE,
    /**
     * The challenge failed: a LIVENESS_FAILED check-in was recorded; offer a retry or the badge.
     */
    LIVENESS_FAILED
  }

  public KioskFrame {
    requireNonNull(state, "state is required");
    requireNonNull(attemptId, "attempt is required (empty if none)");
    requireNonNull(face, "face is required (empty if none)");
    requireNonNull(checkIn, "check-in is required (empty if none)");
    requireNonNull(challenge, "challenge is required (empty if none)");
    boolean ended =
        state == State.CHECKED_IN
            || state == State.NOT_RECOGNISED
            || state == State.LIVENESS_FAILED;
    if (ended != checkIn.isPresent()) {
      throw new IllegalArgumentException("a check-in comes exactly with an ended attempt");
    }
    if ((state == State.CHALLENGE) != challenge.isPresent()) {
      throw new IllegalArgumentException("a challenge direction comes exactly with CHALLENGE");
    }
  }
}
