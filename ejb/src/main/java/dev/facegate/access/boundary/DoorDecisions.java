package dev.facegate.access.boundary;

import dev.facegate.access.control.DeviceAuthenticator;
import dev.facegate.access.control.DeviceTokens;
import dev.facegate.attendance.boundary.CheckIns;
import dev.facegate.domain.access.Device;
import dev.facegate.domain.access.DeviceKind;
import dev.facegate.domain.access.DoorRule;
import dev.facegate.domain.attendance.CheckIn;
import dev.facegate.domain.people.Employee;
import dev.facegate.platform.Roles;
import dev.facegate.recognition.boundary.Identification;
import dev.facegate.recognition.boundary.Recognition;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;

/**
 * The door use case: one call, one transaction per frame. Authenticates the door's signed request,
 * identifies the face, applies {@link DoorRule} and records exactly one check-in.
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
   * Decides on one frame from a door.
   *
   * @param doorId the door's device id (from the request path)
   * @param request the credentials and signature the door sent
   * @param frame the camera frame as received (JPEG or PNG)
   * @return OPEN or DENY with the figures behind it
   * @throws DeviceAuthenticationException missing, wrong, stale or replayed credentials
   * @throws DeviceForbiddenException disabled device, or not a door
   * @throws RateLimitedException too many requests from this door
   * @throws dev.facegate.faces.entity.UnreadableImageException the frame is not an acceptable
   *     image; nothing is recorded
   */
  public DoorDecision decide(long doorId, SignedRequest request, byte[] frame) {
    Instant now = clock.instant();
    Device door =
        authenticator.authenticate(doorId, request, DeviceTokens.bodyHash(frame), DeviceKind.DOOR);
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
                identification.modelVersion()));
    return DoorDecision.of(checkIn.getId(), verdict, person, identification.decision());
  }

  private static Double boxed(java.util.OptionalDouble value) {
    return value.isPresent() ? value.getAsDouble() : null;
  }
}
