package dev.facegate.access.boundary;

import dev.facegate.access.control.DeviceAuthenticator;
import dev.facegate.access.control.DoorDecisionTiming;
import dev.facegate.attendance.boundary.CheckIns;
import dev.facegate.domain.access.Device;
import dev.facegate.domain.access.DeviceKind;
import dev.facegate.domain.access.DoorRule;
import dev.facegate.domain.attendance.CheckIn;
import dev.facegate.domain.attendance.Method;
import dev.facegate.domain.people.Employee;
import dev.facegate.platform.Roles;
import dev.facegate.recognition.boundary.Identification;
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
    Instant now = clock.instant();
    Device door = authenticator.redeem(pass.doorId(), pass.id(), frame, DeviceKind.DOOR);
    Identification identification = recognition.identify(frame, door.getSite());
    boolean matchedRecently =
        identification.isMatch()
            && identification.person().isPresent()
            && checkIns.matchedSince(
                identification.person().get().getId(),
                now.minusSeconds(identification.duplicateWindowSeconds()));
    DoorRule.Verdict verdict =
        DoorRule.decide(
            door.getKind(), identification.decision(), identification.standing(), matchedRecently);
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
                verdict.reason(),
                identification.modelVersion(),
                Method.DOOR,
                null));
    return DoorDecision.of(checkIn.getId(), verdict, person, identification.decision());
  }

  private static Double boxed(java.util.OptionalDouble value) {
    return value.isPresent() ? value.getAsDouble() : null;
  }
}
