package dev.facegate.domain.attendance;

import static java.util.Objects.requireNonNull;

import dev.facegate.domain.recognition.Outcome;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The one result a kiosk attempt ends with (see {@link FrameAgreement}): what its single check-in
 * records.
 *
 * @param ending why the attempt ended
 * @param personId the agreed person, present exactly when the attempt {@link Ending#AGREED}
 * @param bestScore the best score of the frame that stands for the attempt, if any frame had one
 * @param runnerUpScore the runner-up score of that same frame, if it had one
 * @param decidedAt when the attempt ended: the deciding frame's time, or the deadline
 * @param reason a sentence for logs and the check-in record
 */
public record AttemptResult(
    Ending ending,
    Optional<Long> personId,
    OptionalDouble bestScore,
    OptionalDouble runnerUpScore,
    Instant decidedAt,
    String reason) {

  /** How an attempt ended. */
  public enum Ending {
    /** k of the last n decided frames matched the same person. */
    AGREED,
    /** The last n decided frames matched two different people. */
    DISAGREED,
    /** The deadline passed before k frames agreed. */
    TIMED_OUT
  }

  public AttemptResult {
    requireNonNull(ending, "ending is required");
    requireNonNull(personId, "person is required (empty if none)");
    requireNonNull(bestScore, "best score is required (empty if none)");
    requireNonNull(runnerUpScore, "runner-up score is required (empty if none)");
    requireNonNull(decidedAt, "time is required");
    requireNonNull(reason, "reason is required");
    if ((ending == Ending.AGREED) != personId.isPresent()) {
      throw new IllegalArgumentException("a person is named exactly when the frames agreed");
    }
  }

  /** MATCH when the frames agreed, otherwise UNKNOWN: an attempt never ends in anything else. */
  public Outcome outcome() {
    return ending == Ending.AGREED ? Outcome.MATCH : Outcome.UNKNOWN;
  }
}
