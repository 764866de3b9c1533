package dev.facegate.access.control;

import static java.util.Objects.requireNonNull;

import dev.facegate.domain.attendance.AttemptResult;
import dev.facegate.domain.attendance.Direction;
import dev.facegate.domain.attendance.FrameAgreement;
import dev.facegate.domain.recognition.Decision;
import dev.facegate.models.liveness.ChallengeVerifier;
import dev.facegate.recognition.boundary.Identification;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The attempt each kiosk is in the middle of: at most one per kiosk, held in this server's memory
 * and never written anywhere (frames are never stored; only the attempt's one check-in is).
 *
 * <p>Invariants: an attempt is removed from here in the same atomic step that ends it, so exactly
 * one caller (the frame that decided it, or {@link #expireDue}) receives its ended state and
 * records its one check-in. A kiosk has at most one attempt, so the server's is the one that
 * counts: a frame continues it whatever attempt id the page sends (a page that reloaded mid-way
 * continues the person's attempt), and a frame after its deadline ends it as timed out. After a
 * server restart a kiosk simply begins again, and nothing half-done remains.
 *
 * <p>In a cluster each node holds its own attempts, so a kiosk's frames must reach one node (sticky
 * sessions by the kiosk cookie); see the scale-out notes in docs/operations.md.
 */
@ApplicationScoped
public class KioskAttempts {

  /**
   * One kiosk attempt.
   *
   * @param kioskId the kiosk's device id
   * @param id the attempt's id, echoed by the kiosk with each frame
   * @param agreement the multi-frame agreement so far
   * @param chosen the direction the person tapped, if any
   * @param modelVersion the embedding model of the frames (for the check-in)
   */
  public record Attempt(
      long kioskId,
      UUID id,
      FrameAgreement agreement,
      Optional<Direction> chosen,
      String modelVersion) {

    public Attempt {
      requireNonNull(id, "id is required");
      requireNonNull(agreement, "agreement is required");
      requireNonNull(chosen, "chosen direction is required (empty if none)");
      requireNonNull(modelVersion, "model version is required");
    }
  }

  /**
   * The head-turn challenge a kiosk asks for after its frames agreed on a person (when the kiosk's
   * challenge is on): the attempt's second stage, held like the attempt.
   *
   * @param kioskId the kiosk's device id
   * @param id the attempt's id (the same as the agreement's)
   * @param verifier the challenge so far
   * @param agreed how the frames agreed (the person, the scores), recorded on success
   * @param chosen the direction (IN/OUT) the person tapped, if any
   * @param modelVersion the embedding model of the frames
   * @param reference the recognised face's embedding, which every challenge frame must stay close
   *     to; empty when the deciding frame had none (then the challenge's first frame is used)
   * @param abandonAt when a challenge that never saw a face counts as abandoned
   */
  public record Challenge(
      long kioskId,
      UUID id,
      ChallengeVerifier verifier,
      AttemptResult agreed,
      Optional<Direction> chosen,
      String modelVersion,
      Optional<Identification.Probe> reference,
      Instant abandonAt) {

    public Challenge {
      requireNonNull(id, "id is required");
      requireNonNull(verifier, "verifier is required");
      requireNonNull(agreed, "agreement result is required");
      requireNonNull(chosen, "chosen direction is required (empty if none)");
      requireNonNull(modelVersion, "model version is required");
      requireNonNull(reference, "reference is required (empty if none)");
      requireNonNull(abandonAt, "abandon time is required");
    }

    /** The same challenge in another state, with a reference face once one is known. */
    public Challenge with(ChallengeVerifier next, Optional<Identification.Probe> face) {
      return new Challenge(
          kioskId, id, next, agreed, chosen, modelVersion, reference.or(() -> face), abandonAt);
    }
  }

  private final Map<Long, Attempt> attempts = new ConcurrentHashMap<>();

  private final Map<Long, Challenge> challenges = new ConcurrentHashMap<>();

  /** Starts a kiosk's challenge (its agreement has just ended with a MATCH). */
  public void startChallenge(Challenge challenge) {
    challenges.put(challenge.kioskId(), challenge);
  }

  /** The kiosk's running challenge, if any. */
  public Optional<Challenge> challengeOf(long kioskId) {
    return Optional.ofNullable(challenges.get(kioskId));
  }

  /**
   * Moves a kiosk's challenge on in one atomic step; an ended challenge is removed in that step, so
   * exactly one caller receives it and records its check-in.
   *
   * @return the challenge after the step, or empty if the kiosk had none (any more)
   */
  public Optional<Challenge> advanceChallenge(long kioskId, UnaryOperator<Challenge> step) {
    Challenge[] result = new Challenge[1];
    challenges.computeIfPresent(
        kioskId,
        (id, current) -> {
          Challenge next = step.apply(current);
          result[0] = next;
          return next.verifier().isPending() ? next : null;
        });
    return Optional.ofNullable(result[0]);
  }

  /**
   * Ends and removes the challenges of kiosks that stopped sending frames: past the challenge's
   * deadline, or never shown a face until {@link Challenge#abandonAt}.
   *
   * @return the ended challenges (failed, timed out), each returned exactly once
   */
  public List<Challenge> expireDueChallenges(Instant now) {
    List<Challenge> ended = new ArrayList<>();
    for (Long kioskId : List.copyOf(challenges.keySet())) {
      challenges.computeIfPresent(
          kioskId,
          (id, challenge) -> {
            ChallengeVerifier expired = challenge.verifier().expireIfDue(now);
            if (expired.isPending() && challenge.verifier().deadline().isEmpty()) {
              if (now.isBefore(challenge.abandonAt())) {
                return challenge;
              }
              ended.add(challenge);
              return null;
            }
            if (expired.isPending()) {
              return challenge;
            }
            ended.add(challenge.with(expired, Optional.empty()));
            return null;
          });
    }
    return ended;
  }

  /**
   * Adds one decided frame to the kiosk's attempt, starting one if it has none.
   *
   * @param kioskId the kiosk
   * @param settings the kiosk's agreement, used when an attempt starts
   * @param at the frame's time (server clock)
   * @param decision the frame's decision
   * @param chosen the direction the person has tapped so far, if any
   * @param modelVersion the embedding model of the frame
   * @return the attempt after the frame; when it has ended it is no longer held here
   */
  public Attempt advance(
      long kioskId,
      FrameAgreement.Settings settings,
      Instant at,
      Decision decision,
      Optional<Direction> chosen,
      String modelVersion) {
    Attempt[] result = new Attempt[1];
    attempts.compute(
        kioskId,
        (id, current) -> {
          Attempt base =
              current != null
                  ? current
                  : new Attempt(
                      id, UUID.randomUUID(), FrameAgreement.start(settings), chosen, modelVersion);
          Attempt next =
              new Attempt(
                  id,
                  base.id(),
                  base.agreement().withFrame(at, decision),
                  chosen.isPresent() ? chosen : base.chosen(),
                  modelVersion);
          result[0] = next;
          return next.agreement().isPending() ? next : null;
        });
    return result[0];
  }

  /**
   * Ends and removes every attempt whose deadline has passed at {@code now}: attempts of kiosks
   * that stopped sending frames (a kiosk that still sends ends its own with its next frame).
   *
   * @return the ended attempts, each returned exactly once, for their check-ins
   */
  public List<Attempt> expireDue(Instant now) {
    List<Attempt> ended = new ArrayList<>();
    for (Long kioskId : List.copyOf(attempts.keySet())) {
      attempts.computeIfPresent(
          kioskId,
          (id, attempt) -> {
            FrameAgreement expired = attempt.agreement().expireIfDue(now);
            if (expired.isPending()) {
              return attempt;
            }
            ended.add(
                new Attempt(id, attempt.id(), expired, attempt.chosen(), attempt.modelVersion()));
            return null;
          });
    }
    return ended;
  }

  /** Forgets a kiosk's attempt without a check-in (the kiosk was unpaired or disabled). */
  public void forget(long kioskId) {
    attempts.remove(kioskId);
    challenges.remove(kioskId);
  }
}
