package dev.facegate.access.boundary;

import dev.facegate.access.control.BurstLiveness;
import dev.facegate.access.control.DeviceAuthenticator;
import dev.facegate.access.control.DoorDecisionTiming;
import dev.facegate.access.control.MultipartFrames;
import dev.facegate.attendance.boundary.CheckIns;
import dev.facegate.domain.access.Device;
import dev.facegate.domain.access.DeviceKind;
import dev.facegate.domain.access.DoorRule;
import dev.facegate.domain.attendance.CheckIn;
import dev.facegate.domain.attendance.LivenessCheck;
import dev.facegate.domain.attendance.Method;
import dev.facegate.domain.people.Employee;
import dev.facegate.domain.recognition.Outcome;
import dev.facegate.models.liveness.ChallengeVerifier;
import dev.facegate.platform.Roles;
import dev.facegate.recognition.boundary.Identification;
import dev.facegate.recognition.boundary.Liveness;
import dev.facegate.recognition.boundary.Recognition;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The door use case, in two calls: {@link #authenticate} checks the request's signed headers before
 * anyone reads its body, and {@link #decide} takes the body and, in one transaction, checks it
 * against the signed digest, identifies the face, applies {@link DoorRule} and records exactly one
 * check-in.
 *
 * <p>Open to anonymous callers because a door holds no user account: the device's signature is the
 * credential, checked first. Everything after runs as {@link Roles#DEVICE}, the only role the
 * recognition and check-in boundaries accept from a device flow.
 */
@Stateless
@PermitAll
@RunAs(Roles.DEVICE)
public class DoorDecisions {

  @Inject DeviceAuthenticator authenticator;

  @Inject Recognition recognition;

  @Inject CheckIns checkIns;

  @Inject Clock clock;

  @Inject Liveness liveness;

  /** The most frames a door may send in one burst (issue 15). */
  public static final int MAX_BURST_FRAMES = 5;

  /**
   * Authenticates a door request from its headers alone: the RFC 9421 signature over method, path
   * and the declared {@code Content-Digest} (or, for a legacy device, its token), the time window,
   * replays and the rate. Reads the (cached) device and writes nothing, so it needs no transaction.
   *
   * @param doorId the door's device id (from the request path)
   * @param request the request's method, path and headers
   * @return the pass that {@link #decide} takes with the body, once, within the signature window
   * @throws DeviceAuthenticationException missing, malformed, wrong, stale or replayed credentials
   * @throws DeviceForbiddenException disabled device, or not a door
   * @throws RateLimitedException too many requests from this door
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public DoorPass authenticate(long doorId, SignedRequest request) {
    return new DoorPass(doorId, authenticator.admit(doorId, request, DeviceKind.DOOR));
  }

  /**
   * Decides on one frame from a door whose headers {@link #authenticate} accepted.
   *
   * @param pass what {@link #authenticate} returned for this request
   * @param frame the camera frame as received (JPEG or PNG)
   * @return OPEN or DENY with the figures behind it
   * @throws DeviceAuthenticationException the pass is unknown, used or expired, or the frame is not
   *     the body the door signed (its digest differs)
   * @throws DeviceForbiddenException the door was disabled meanwhile
   * @throws dev.facegate.faces.entity.UnreadableImageException the frame is not an acceptable
   *     image; nothing is recorded
   */
  @Interceptors(DoorDecisionTiming.class)
  public DoorDecision decide(DoorPass pass, byte[] frame) {
    Device door = authenticator.redeem(pass.doorId(), pass.id(), frame, DeviceKind.DOOR);
    return decideOn(door, List.of(frame));
  }

  /**
   * Decides on a burst of up to {@link #MAX_BURST_FRAMES} frames sent as one multipart body, with
   * the passive liveness check: the body is checked against the signed digest as a whole, then
   * taken apart ({@link MultipartFrames}); every frame is identified, the decision rests on the
   * best-scoring frame with one face, and a MATCH opens only if the frames' landmarks moved like a
   * head ({@link BurstLiveness}); otherwise the check-in is {@code LIVENESS_FAILED}. A burst of one
   * frame is decided like a single frame (no liveness check).
   *
   * @param pass what {@link #authenticate} returned for this request, whose signature covered the
   *     content type
   * @param body the multipart body as received
   * @param contentType the request's {@code Content-Type}, with the boundary
   * @return OPEN or DENY with the figures behind it and the liveness result
   * @throws MalformedBurstException the body is not a well-formed burst of at most five frames
   * @throws dev.facegate.faces.entity.UnreadableImageException a frame is not an acceptable image;
   *     nothing is recorded
   */
  @Interceptors(DoorDecisionTiming.class)
  public DoorDecision decideBurst(DoorPass pass, byte[] body, String contentType) {
    Device door = authenticator.redeem(pass.doorId(), pass.id(), body, DeviceKind.DOOR);
    return decideOn(door, MultipartFrames.parse(body, contentType, MAX_BURST_FRAMES));
  }

  private DoorDecision decideOn(Device door, List<byte[]> frames) {
    Instant now = clock.instant();
    List<Identification> seen = new ArrayList<>();
    for (byte[] frame : frames) {
      seen.add(recognition.identify(frame, door.getSite()));
    }
    Identification identification = basis(seen);
    boolean matchedRecently =
        identification.isMatch()
            && identification.person().isPresent()
            && checkIns.matchedSince(
                identification.person().get().getId(),
                now.minusSeconds(identification.duplicateWindowSeconds()));
    DoorRule.Verdict verdict =
        DoorRule.decide(
            door.getKind(), identification.decision(), identification.standing(), matchedRecently);
    LivenessCheck liveness = LivenessCheck.NOT_CHECKED;
    Double residual = null;
    String livenessReason = "Single frame: no liveness check.";
    if (frames.size() > 1 && verdict.match()) {
      // Only a frame that would name someone needs proof of life; a stranger stays UNKNOWN.
      BurstLiveness.Judgement judgement =
          BurstLiveness.judge(
              seen,
              identification,
              this.liveness.boundsFor(door.getSite()).minResidual(),
              ChallengeVerifier.Settings.DEFAULT.minSimilarity());
      liveness = judgement.result();
      residual = judgement.residual();
      livenessReason = judgement.reason();
      if (!judgement.passed()) {
        verdict =
            new DoorRule.Verdict(
                Outcome.LIVENESS_FAILED,
                false,
                false,
                "Liveness check failed for a recognised face. " + judgement.reason());
      }
    } else if (frames.size() > 1) {
      livenessReason = "Burst of " + frames.size() + " frames: nobody recognised to check.";
    }
    Employee person = verdict.match() ? identification.person().orElseThrow() : null;
    CheckIn checkIn =
        checkIns.record(
            new CheckIn(
                now,
                door.getId(),
                person == null ? null : person.getId(),
                verdict.outcome(),
                verdict.open(),
                verdict.duplicate(),
                boxed(identification.decision().bestScore()),
                boxed(identification.decision().runnerUpScore()),
                liveness == LivenessCheck.PASSED
                    ? verdict.reason() + " " + livenessReason
                    : verdict.reason(),
                identification.modelVersion(),
                Method.DOOR,
                null,
                liveness));
    return DoorDecision.of(
        checkIn.getId(),
        verdict,
        person,
        identification.decision(),
        new DoorDecision.LivenessResult(liveness, frames.size(), residual, livenessReason));
  }

  /**
   * The frame a burst's decision rests on: a frame with several faces if any (a door never guesses
   * whom to let in), else the best-scoring frame with one face, else the first frame.
   */
  private static Identification basis(List<Identification> seen) {
    return seen.stream()
        .filter(s -> s.decision().outcome() == Outcome.MULTIPLE_FACES)
        .findFirst()
        .or(
            () ->
                seen.stream()
                    .filter(s -> s.face().isPresent())
                    .max(
                        Comparator.comparingDouble(
                            s -> s.decision().bestScore().orElse(Double.NEGATIVE_INFINITY))))
        .orElse(seen.get(0));
  }

  private static Double boxed(java.util.OptionalDouble value) {
    return value.isPresent() ? value.getAsDouble() : null;
  }
}
