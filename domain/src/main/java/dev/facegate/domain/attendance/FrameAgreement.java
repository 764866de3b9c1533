package dev.facegate.domain.attendance;

import static java.util.Objects.requireNonNull;

import dev.facegate.domain.attendance.AttemptResult.Ending;
import dev.facegate.domain.recognition.Decision;
import dev.facegate.domain.recognition.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * Multi-frame agreement for one kiosk attempt: a kiosk sends several frames a second, each gets its
 * own open-set {@link Decision}, and the attempt ends with exactly one {@link AttemptResult}, which
 * becomes its one check-in. An immutable value: {@link #withFrame} and {@link #expireIfDue} return
 * the next state, so the caller records a check-in when a state stops being {@link #isPending()
 * pending}.
 *
 * <p>Invariants:
 *
 * <ul>
 *   <li>A <em>decided</em> frame is one with a face: MATCH, UNKNOWN or MULTIPLE_FACES. NO_FACE
 *       frames are ignored: they neither enter the window nor start the clock. MULTIPLE_FACES
 *       frames enter the window as frames that agree with nobody.
 *   <li>The window is the last n decided frames; older ones drop out.
 *   <li>The deadline is the first decided frame's time plus the timeout. A frame at or after the
 *       deadline is not counted: the attempt ends {@link Ending#TIMED_OUT} at the deadline.
 *   <li>The attempt ends {@link Ending#AGREED} on the frame that brings one person's MATCHes in the
 *       window to k, so exactly k frames agree; {@link Ending#DISAGREED} as soon as the window
 *       holds MATCHes of two different people (a face that matches two people within n frames is
 *       not one person at the threshold and margin, and counting on regardless would let
 *       alternating frames of A, B, A, B, A decide for A).
 *   <li>Since the window slides, a run of UNKNOWN frames (a blink, a turned head) can always still
 *       be followed by k agreeing ones: such a run ends only by the deadline.
 *   <li>Only counts decide. Scores only pick the figures that the result carries, so equal scores
 *       and the order of candidates never change who is matched.
 *   <li>Once ended, the result never changes: later frames (still in flight from the kiosk) are
 *       ignored.
 * </ul>
 *
 * <p>Scores carried: for an agreement, the best and runner-up scores of the <em>median</em>
 * agreeing frame by best score (the lower median when k is even). Both figures come from one real
 * frame, so their difference is a margin that frame actually had and that frame passed the
 * threshold and margin; the median stands for the typical look at the person, where the maximum of
 * k noisy scores would overstate the confidence and grow with k. For an UNKNOWN, the figures of the
 * window's frame with the highest best score (the nearest miss, the earliest of equals), which is
 * what tells an administrator how far the threshold was. Empty when no frame in the window had a
 * score (for instance only MULTIPLE_FACES frames).
 */
public final class FrameAgreement {

  /**
   * How many frames must agree, among how many, within how long.
   *
   * @param required k, the matching frames needed, at least 1
   * @param window n, the decided frames considered, from k to {@link #MAX_WINDOW}
   * @param timeout from the first decided frame, positive and at most {@link #MAX_TIMEOUT}
   */
  public record Settings(int required, int window, Duration timeout) {

    /** The largest window: a few frames a second over a few seconds. */
    public static final int MAX_WINDOW = 20;

    /** The longest timeout: a kiosk attempt is someone standing in front of a camera. */
    public static final Duration MAX_TIMEOUT = Duration.ofSeconds(60);

    /** 3 of the last 5 decided frames within 4 seconds. */
    public static final Settings DEFAULT = new Settings(3, 5, Duration.ofSeconds(4));

    public Settings {
      requireNonNull(timeout, "timeout is required");
      if (required < 1 || required > window || window > MAX_WINDOW) {
        throw new IllegalArgumentException(
            "need 1 <= required <= window <= "
                + MAX_WINDOW
                + ", got "
                + required
                + " of "
                + window);
      }
      if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
        throw new IllegalArgumentException(
            "timeout must be positive and at most " + MAX_TIMEOUT + ", got " + timeout);
      }
    }
  }

  private final Settings settings;

  /** The last n decided frames, oldest first. */
  private final List<Decision> window;

  /** Null until the first decided frame. */
  private final Instant deadline;

  /** Null until the first frame of any kind. */
  private final Instant lastFrameAt;

  /** Null while pending. */
  private final AttemptResult result;

  private FrameAgreement(
      Settings settings,
      List<Decision> window,
      Instant deadline,
      Instant lastFrameAt,
      AttemptResult result) {
    this.settings = settings;
    this.window = List.copyOf(window);
    this.deadline = deadline;
    this.lastFrameAt = lastFrameAt;
    this.result = result;
  }

  /** A new attempt: no frames, no clock running. */
  public static FrameAgreement start(Settings settings) {
    return new FrameAgreement(
        requireNonNull(settings, "settings are required"), List.of(), null, null, null);
  }

  /**
   * The attempt after one more frame.
   *
   * @param at when the server received the frame (from its injected clock); frames come in time
   *     order
   * @param decision the frame's open-set decision; a MATCH names its person and best score
   * @return the next state; this one if the attempt has already ended
   * @throws IllegalArgumentException if {@code at} is before the previous frame, or a MATCH lacks
   *     its person or score
   */
  public FrameAgreement withFrame(Instant at, Decision decision) {
    requireNonNull(at, "time is required");
    requireNonNull(decision, "decision is required");
    if (decision.outcome() == Outcome.MATCH
        && (decision.personId().isEmpty() || decision.bestScore().isEmpty())) {
      throw new IllegalArgumentException("a MATCH names its person and its score");
    }
    if (result != null) {
      return this;
    }
    if (lastFrameAt != null && at.isBefore(lastFrameAt)) {
      throw new IllegalArgumentException("frames must come in time order");
    }
    if (deadline != null && !at.isBefore(deadline)) {
      return new FrameAgreement(settings, window, deadline, at, timedOut());
    }
    if (decision.outcome() == Outcome.NO_FACE) {
      return new FrameAgreement(settings, window, deadline, at, null);
    }
    List<Decision> next = new ArrayList<>(window);
    next.add(decision);
    if (next.size() > settings.window()) {
      next.remove(0);
    }
    Instant nextDeadline = deadline != null ? deadline : at.plus(settings.timeout());
    return new FrameAgreement(settings, next, nextDeadline, at, judge(next, at));
  }

  /**
   * The attempt as of {@code now}, for when frames stop coming (the person walked away): a pending
   * attempt whose deadline has passed ends {@link Ending#TIMED_OUT}.
   */
  public FrameAgreement expireIfDue(Instant now) {
    requireNonNull(now, "time is required");
    if (result != null || deadline == null || now.isBefore(deadline)) {
      return this;
    }
    return new FrameAgreement(settings, window, deadline, lastFrameAt, timedOut());
  }

  /** The result, once the attempt has ended. */
  public Optional<AttemptResult> outcome() {
    return Optional.ofNullable(result);
  }

  public boolean isPending() {
    return result == null;
  }

  /** When the attempt times out; empty until the first frame with a face. */
  public Optional<Instant> deadline() {
    return Optional.ofNullable(deadline);
  }

  public Settings settings() {
    return settings;
  }

  /** The result of the window after the frame at {@code at}, or null if still pending. */
  private AttemptResult judge(List<Decision> frames, Instant at) {
    List<Long> people =
        frames.stream()
            .filter(d -> d.outcome() == Outcome.MATCH)
            .map(d -> d.personId().orElseThrow())
            .distinct()
            .toList();
    if (people.size() > 1) {
      return unknown(
          Ending.DISAGREED,
          frames,
          at,
          String.format(
              Locale.ROOT,
              "The last %d frames matched different people (%s).",
              frames.size(),
              people.stream().map(String::valueOf).collect(Collectors.joining(", "))));
    }
    if (people.isEmpty()) {
      return null;
    }
    List<Decision> agreeing = frames.stream().filter(d -> d.outcome() == Outcome.MATCH).toList();
    if (agreeing.size() < settings.required()) {
      return null;
    }
    // Stable sort: among equal best scores the earlier frame stands, whatever its runner-up.
    List<Decision> byScore =
        agreeing.stream()
            .sorted(Comparator.comparingDouble(d -> d.bestScore().getAsDouble()))
            .toList();
    Decision median = byScore.get((byScore.size() - 1) / 2);
    return new AttemptResult(
        Ending.AGREED,
        Optional.of(people.get(0)),
        median.bestScore(),
        median.runnerUpScore(),
        at,
        String.format(
            Locale.ROOT,
            "%d of the last %d frames matched the same person; median agreeing frame %.3f.",
            agreeing.size(),
            frames.size(),
            median.bestScore().getAsDouble()));
  }

  private AttemptResult timedOut() {
    return unknown(
        Ending.TIMED_OUT,
        window,
        deadline,
        String.format(
            Locale.ROOT,
            "No person matched %d of the last %d frames within %.1f s.",
            settings.required(),
            settings.window(),
            settings.timeout().toMillis() / 1000.0));
  }

  private static AttemptResult unknown(
      Ending ending, List<Decision> frames, Instant at, String reason) {
    Decision nearest = null;
    for (Decision d : frames) {
      if (d.bestScore().isPresent()
          && (nearest == null || d.bestScore().getAsDouble() > nearest.bestScore().getAsDouble())) {
        nearest = d;
      }
    }
    return new AttemptResult(
        ending,
        Optional.empty(),
        nearest == null ? OptionalDouble.empty() : nearest.bestScore(),
        nearest == null ? OptionalDouble.empty() : nearest.runnerUpScore(),
        at,
        reason);
  }
}
