package dev.facegate.models.liveness;

import static java.util.Objects.requireNonNull;

import dev.facegate.models.detection.FaceDetection;
import dev.facegate.models.geometry.Box;
import dev.facegate.models.geometry.Point;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The active head-turn challenge of one attempt: the kiosk asks the person to turn their head to
 * one side and back, and this state machine decides over the attempt's frames whether they did. An
 * immutable value: {@link #withFrame} and {@link #expireIfDue} return the next state.
 *
 * <p>Passes on the sequence <em>frontal</em> ({@code |yaw| <= frontalYaw}) &rarr; <em>turned</em>
 * past {@code turnYaw} in the asked direction &rarr; <em>frontal</em> again, within the time limit,
 * if the passive check agrees that the face moved like a head. Invariants:
 *
 * <ul>
 *   <li>The clock starts at the first frame; a frame at or after the deadline is not counted and
 *       the challenge fails {@link Failure#TIMED_OUT} at the deadline.
 *   <li>Every frame must hold the identity: its similarity to the first frame's embedding (the
 *       caller computes it) at least {@code minSimilarity}, else {@link Failure#IDENTITY_CHANGED}.
 *   <li>The face track must be continuous: between consecutive frames the box centre moves at most
 *       {@code maxTrackJump} box widths and the width changes by at most that fraction, else {@link
 *       Failure#TRACK_JUMPED}.
 *   <li>Once a frontal frame has started the challenge, a yaw past {@code turnYaw} to the other
 *       side fails it {@link Failure#WRONG_DIRECTION}. Turned frames before the first frontal one
 *       are ignored (a person may arrive with their head turned).
 *   <li>The passive check: the homography residual ({@link MotionCheck#compare}) between the
 *       frontal frame that started the challenge and each later frame; its maximum must reach
 *       {@code minResidual} by the return to frontal, else {@link Failure#FLAT_MOTION}: the
 *       landmarks moved as the points of one plane do, as a tilted print's would.
 *   <li>Checks apply in that order (time, identity, track, pose), so a frame that breaks several
 *       rules reports the first. Once ended, the result never changes; later frames are ignored.
 *   <li>The caller passes only frames with exactly one face; frames without a face are skipped
 *       (they neither start the clock nor break the track).
 * </ul>
 */
public final class ChallengeVerifier {

  /** The side the person is asked to turn to, as they see it themselves. */
  public enum Direction {
    /** The person's own left: positive yaw, the nose moves towards the image's right. */
    LEFT(1),
    /** The person's own right: negative yaw. */
    RIGHT(-1);

    private final int sign;

    Direction(int sign) {
      this.sign = sign;
    }

    /** Returns +1 for LEFT, -1 for RIGHT: the sign of the yaw the turn produces. */
    public int yawSign() {
      return sign;
    }
  }

  /** Where the challenge stands. */
  public enum Phase {
    /** Waiting for a frontal face to start from. */
    AWAITING_FRONTAL,
    /** Started from a frontal face; waiting for the turn. */
    AWAITING_TURN,
    /** Turned far enough; waiting for the return to frontal. */
    AWAITING_RETURN,
    /** Passed. */
    PASSED,
    /** Failed; see {@link Result#failure()}. */
    FAILED
  }

  /** Why a challenge failed. */
  public enum Failure {
    /** The sequence was not completed within the time limit. */
    TIMED_OUT,
    /** The head turned past the bound to the side that was not asked for. */
    WRONG_DIRECTION,
    /** A frame's similarity to the first frame fell below the bound. */
    IDENTITY_CHANGED,
    /** The face box jumped between consecutive frames. */
    TRACK_JUMPED,
    /** The turn happened but the landmarks moved like a flat picture. */
    FLAT_MOTION
  }

  /**
   * One frame of the attempt, with its single face.
   *
   * @param at when the frame was taken or received; frames come in time order
   * @param landmarks the face's five landmarks, in detector order
   * @param box the face box
   * @param similarity the cosine similarity of this face's embedding to the first frame's (1 for
   *     the first frame itself)
   */
  public record Frame(Instant at, List<Point> landmarks, Box box, double similarity) {

    /** Validates and copies. */
    public Frame {
      requireNonNull(at, "time is required");
      requireNonNull(box, "box is required");
      landmarks = List.copyOf(requireNonNull(landmarks, "landmarks are required"));
      if (landmarks.size() != 5) {
        throw new IllegalArgumentException("expected 5 landmarks, got " + landmarks.size());
      }
      if (!Double.isFinite(similarity)) {
        throw new IllegalArgumentException("similarity must be finite");
      }
    }

    /**
     * The frame of one detected face.
     *
     * @param at when the frame was taken or received
     * @param face the frame's single face
     * @param similarity cosine similarity of its embedding to the first frame's
     * @return the frame
     */
    public static Frame of(Instant at, FaceDetection face, double similarity) {
      requireNonNull(face, "face is required");
      return new Frame(at, face.landmarks(), face.box(), similarity);
    }
  }

  /**
   * The bounds of the challenge.
   *
   * @param frontalYawDegrees a face with {@code |yaw|} at most this is frontal; positive
   * @param turnYawDegrees the yaw to pass in the asked direction; greater than {@code frontalYaw}
   * @param timeLimit from the first frame; positive, at most {@link #MAX_TIME_LIMIT}
   * @param minSimilarity the least cosine similarity of each frame to the first, in [-1, 1]
   * @param maxTrackJump the largest box-centre move between consecutive frames, in box widths, and
   *     the largest relative change of the box width; positive
   * @param minResidual the least homography residual (per eye distance) of a real head; at least 0
   */
  public record Settings(
      double frontalYawDegrees,
      double turnYawDegrees,
      Duration timeLimit,
      double minSimilarity,
      double maxTrackJump,
      double minResidual) {

    /** The longest time limit. */
    public static final Duration MAX_TIME_LIMIT = Duration.ofSeconds(30);

    /**
     * The defaults, chosen with {@code face-cli liveness-eval} (see docs/liveness.md): frontal
     * within 10 degrees, turn past 20, within 4 s, cosine similarity to the first frame at least
     * 0.90, box jumps up to one box width, and a homography residual of at least 0.06 eye
     * distances.
     */
    public static final Settings DEFAULT =
        new Settings(10, 20, Duration.ofSeconds(4), 0.90, 1.0, 0.06);

    /** Validates the bounds. */
    public Settings {
      requireNonNull(timeLimit, "time limit is required");
      if (!(frontalYawDegrees > 0 && turnYawDegrees > frontalYawDegrees && turnYawDegrees < 90)) {
        throw new IllegalArgumentException(
            "need 0 < frontalYaw < turnYaw < 90, got " + frontalYawDegrees + ", " + turnYawDegrees);
      }
      if (timeLimit.isNegative() || timeLimit.isZero() || timeLimit.compareTo(MAX_TIME_LIMIT) > 0) {
        throw new IllegalArgumentException(
            "time limit must be positive and at most " + MAX_TIME_LIMIT + ", got " + timeLimit);
      }
      if (!(minSimilarity >= -1 && minSimilarity <= 1)) {
        throw new IllegalArgumentException("minSimilarity must be in [-1, 1]: " + minSimilarity);
      }
      if (!(maxTrackJump > 0) || !(minResidual >= 0) || Double.isInfinite(minResidual)) {
        throw new IllegalArgumentException(
            "maxTrackJump must be positive and minResidual finite and >= 0");
      }
    }

    /** The same settings with another residual bound (for sweeps). */
    public Settings withMinResidual(double value) {
      return new Settings(
          frontalYawDegrees, turnYawDegrees, timeLimit, minSimilarity, maxTrackJump, value);
    }

    /** The same settings with other yaw bounds (for sweeps). */
    public Settings withYaw(double frontal, double turn) {
      return new Settings(frontal, turn, timeLimit, minSimilarity, maxTrackJump, minResidual);
    }

    /** The same settings with another track-jump bound (for sweeps). */
    public Settings withMaxTrackJump(double value) {
      return new Settings(
          frontalYawDegrees, turnYawDegrees, timeLimit, minSimilarity, value, minResidual);
    }

    /** The same settings with another similarity bound (for sweeps). */
    public Settings withMinSimilarity(double value) {
      return new Settings(
          frontalYawDegrees, turnYawDegrees, timeLimit, value, maxTrackJump, minResidual);
    }
  }

  /**
   * How a challenge ended.
   *
   * @param passed whether the person completed the challenge
   * @param failure why not, when not passed
   * @param at the time of the deciding frame, or the deadline
   * @param peakYawDegrees the yaw furthest in the asked direction after the start (0 if none)
   * @param residual the largest homography residual against the starting frame, per eye distance
   * @param reason a sentence for the log
   */
  public record Result(
      boolean passed,
      Optional<Failure> failure,
      Instant at,
      double peakYawDegrees,
      double residual,
      String reason) {

    /** Validates that a failure is named exactly when not passed. */
    public Result {
      requireNonNull(failure, "failure is required (empty when passed)");
      requireNonNull(at, "time is required");
      requireNonNull(reason, "reason is required");
      if (passed == failure.isPresent()) {
        throw new IllegalArgumentException("a failed result names its failure, a pass none");
      }
    }
  }

  private final Settings settings;
  private final Direction direction;
  private final Phase phase;

  /** Null until the first frame. */
  private final Instant deadline;

  /** The previous frame, null until the first. */
  private final Frame last;

  /** The frontal frame that started the challenge; null while awaiting it. */
  private final Frame start;

  private final double peakYaw;
  private final double residual;

  /** Null while pending. */
  private final Result result;

  private ChallengeVerifier(
      Settings settings,
      Direction direction,
      Phase phase,
      Instant deadline,
      Frame last,
      Frame start,
      double peakYaw,
      double residual,
      Result result) {
    this.settings = settings;
    this.direction = direction;
    this.phase = phase;
    this.deadline = deadline;
    this.last = last;
    this.start = start;
    this.peakYaw = peakYaw;
    this.residual = residual;
    this.result = result;
  }

  /**
   * A new challenge: nothing seen, no clock running.
   *
   * @param settings the bounds
   * @param direction the side the person is asked to turn to
   * @return the initial state
   */
  public static ChallengeVerifier start(Settings settings, Direction direction) {
    return new ChallengeVerifier(
        requireNonNull(settings, "settings are required"),
        requireNonNull(direction, "direction is required"),
        Phase.AWAITING_FRONTAL,
        null,
        null,
        null,
        0,
        0,
        null);
  }

  /**
   * The challenge after one more frame.
   *
   * @param frame the frame, with its single face
   * @return the next state; this one if the challenge has already ended
   * @throws IllegalArgumentException if the frame is older than the previous one
   */
  public ChallengeVerifier withFrame(Frame frame) {
    requireNonNull(frame, "frame is required");
    if (result != null) {
      return this;
    }
    if (last != null && frame.at().isBefore(last.at())) {
      throw new IllegalArgumentException("frames must come in time order");
    }
    Instant due = deadline != null ? deadline : frame.at().plus(settings.timeLimit());
    if (!frame.at().isBefore(due)) {
      return fail(frame, due, Failure.TIMED_OUT, timeoutReason(), due);
    }
    if (frame.similarity() < settings.minSimilarity()) {
      return fail(
          frame,
          frame.at(),
          Failure.IDENTITY_CHANGED,
          String.format(
              Locale.ROOT,
              "Similarity to the first frame fell to %.3f (bound %.3f).",
              frame.similarity(),
              settings.minSimilarity()),
          due);
    }
    if (last != null) {
      double jump = jump(last.box(), frame.box());
      if (jump > settings.maxTrackJump()) {
        return fail(
            frame,
            frame.at(),
            Failure.TRACK_JUMPED,
            String.format(
                Locale.ROOT,
                "The face box jumped by %.2f box widths between frames (bound %.2f).",
                jump,
                settings.maxTrackJump()),
            due);
      }
    }
    // Yaw in the asked direction: positive means turned the asked way.
    double yaw = HeadPose.of(frame.landmarks()).yawDegrees() * direction.yawSign();
    if (phase == Phase.AWAITING_FRONTAL) {
      Phase next = Math.abs(yaw) <= settings.frontalYawDegrees() ? Phase.AWAITING_TURN : phase;
      Frame startFrame = next == Phase.AWAITING_TURN ? frame : null;
      return new ChallengeVerifier(settings, direction, next, due, frame, startFrame, 0, 0, null);
    }
    double nextResidual =
        Math.max(
            residual,
            MotionCheck.compare(start.landmarks(), frame.landmarks()).homographyResidual());
    double nextPeak = Math.max(peakYaw, yaw);
    if (yaw < -settings.turnYawDegrees()) {
      return new ChallengeVerifier(
          settings,
          direction,
          Phase.FAILED,
          due,
          frame,
          start,
          nextPeak,
          nextResidual,
          new Result(
              false,
              Optional.of(Failure.WRONG_DIRECTION),
              frame.at(),
              nextPeak,
              nextResidual,
              String.format(
                  Locale.ROOT,
                  "Asked to turn %s, turned the other way (%.1f degrees).",
                  direction.name().toLowerCase(Locale.ROOT),
                  -yaw)));
    }
    Phase next = phase;
    if (phase == Phase.AWAITING_TURN && yaw >= settings.turnYawDegrees()) {
      next = Phase.AWAITING_RETURN;
    } else if (phase == Phase.AWAITING_RETURN && Math.abs(yaw) <= settings.frontalYawDegrees()) {
      boolean head = nextResidual >= settings.minResidual();
      Result r =
          head
              ? new Result(
                  true,
                  Optional.empty(),
                  frame.at(),
                  nextPeak,
                  nextResidual,
                  String.format(
                      Locale.ROOT,
                      "Turned %s to %.1f degrees and back; landmark residual %.3f.",
                      direction.name().toLowerCase(Locale.ROOT),
                      nextPeak,
                      nextResidual))
              : new Result(
                  false,
                  Optional.of(Failure.FLAT_MOTION),
                  frame.at(),
                  nextPeak,
                  nextResidual,
                  String.format(
                      Locale.ROOT,
                      "Turned to %.1f degrees and back, but the landmarks moved like a flat"
                          + " picture (residual %.3f, bound %.3f).",
                      nextPeak,
                      nextResidual,
                      settings.minResidual()));
      return new ChallengeVerifier(
          settings,
          direction,
          head ? Phase.PASSED : Phase.FAILED,
          due,
          frame,
          start,
          nextPeak,
          nextResidual,
          r);
    }
    return new ChallengeVerifier(
        settings, direction, next, due, frame, start, nextPeak, nextResidual, null);
  }

  /**
   * The challenge as of {@code now}, for when frames stop coming: a pending challenge whose
   * deadline has passed fails {@link Failure#TIMED_OUT}.
   *
   * @param now the current time
   * @return the next state
   */
  public ChallengeVerifier expireIfDue(Instant now) {
    requireNonNull(now, "time is required");
    if (result != null || deadline == null || now.isBefore(deadline)) {
      return this;
    }
    return new ChallengeVerifier(
        settings,
        direction,
        Phase.FAILED,
        deadline,
        last,
        start,
        peakYaw,
        residual,
        new Result(
            false, Optional.of(Failure.TIMED_OUT), deadline, peakYaw, residual, timeoutReason()));
  }

  /** Returns the result, once the challenge has ended. */
  public Optional<Result> outcome() {
    return Optional.ofNullable(result);
  }

  /** Returns whether the challenge is still running. */
  public boolean isPending() {
    return result == null;
  }

  /** Returns where the challenge stands. */
  public Phase phase() {
    return phase;
  }

  /** Returns the side the person was asked to turn to. */
  public Direction direction() {
    return direction;
  }

  /** Returns when the challenge times out; empty until the first frame. */
  public Optional<Instant> deadline() {
    return Optional.ofNullable(deadline);
  }

  /** Returns the bounds. */
  public Settings settings() {
    return settings;
  }

  /**
   * How far a face box moved between two frames: the larger of the centre's move and the change of
   * the width, both per the earlier box's width.
   */
  static double jump(Box before, Box after) {
    double w = Math.max(before.width(), 1e-9);
    double dx = (after.x1() + after.x2()) / 2 - (before.x1() + before.x2()) / 2;
    double dy = (after.y1() + after.y2()) / 2 - (before.y1() + before.y2()) / 2;
    return Math.max(Math.hypot(dx, dy) / w, Math.abs(after.width() - before.width()) / w);
  }

  private ChallengeVerifier fail(
      Frame frame, Instant at, Failure failure, String reason, Instant due) {
    return new ChallengeVerifier(
        settings,
        direction,
        Phase.FAILED,
        due,
        failure == Failure.TIMED_OUT ? last : frame,
        start,
        peakYaw,
        residual,
        new Result(false, Optional.of(failure), at, peakYaw, residual, reason));
  }

  private String timeoutReason() {
    String stage =
        switch (phase) {
          case AWAITING_FRONTAL -> "no frontal face to start from";
          case AWAITING_TURN -> "the head did not turn far enough";
          case AWAITING_RETURN -> "the head did not come back to frontal";
          case PASSED, FAILED -> "ended";
        };
    return String.format(
        Locale.ROOT,
        "Not completed within %.1f s: %s.",
        settings.timeLimit().toMillis() / 1000.0,
        stage);
  }
}
