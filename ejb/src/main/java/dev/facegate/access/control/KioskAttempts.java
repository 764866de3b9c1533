package dev.facegate.access.control;

import static java.util.Objects.requireNonNull;

import dev.facegate.domain.attendance.Direction;
import dev.facegate.domain.attendance.FrameAgreement;
import dev.facegate.domain.recognition.Decision;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

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

  private final Map<Long, Attempt> attempts = new ConcurrentHashMap<>();

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
  }
}
