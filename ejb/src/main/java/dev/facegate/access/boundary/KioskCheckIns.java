package dev.facegate.access.boundary;

import dev.facegate.access.control.BadgeGuard;
import dev.facegate.access.control.DeviceGuard;
import dev.facegate.access.control.DeviceRepository;
import dev.facegate.access.control.KioskAttempts;
import dev.facegate.access.control.KioskAttempts.Attempt;
import dev.facegate.access.control.KioskAttempts.Challenge;
import dev.facegate.access.control.KioskAuthenticator;
import dev.facegate.attendance.boundary.CheckIns;
import dev.facegate.attendance.boundary.Sites;
import dev.facegate.domain.access.Device;
import dev.facegate.domain.access.DoorRule.Standing;
import dev.facegate.domain.attendance.AttemptResult;
import dev.facegate.domain.attendance.CheckIn;
import dev.facegate.domain.attendance.Direction;
import dev.facegate.domain.attendance.DirectionRule;
import dev.facegate.domain.attendance.FrameAgreement;
import dev.facegate.domain.attendance.Greeting;
import dev.facegate.domain.attendance.LivenessCheck;
import dev.facegate.domain.attendance.Method;
import dev.facegate.domain.audit.AuditAction;
import dev.facegate.domain.people.Employee;
import dev.facegate.domain.recognition.Decision;
import dev.facegate.domain.recognition.Outcome;
import dev.facegate.models.geometry.Box;
import dev.facegate.models.geometry.Point;
import dev.facegate.models.liveness.ChallengeVerifier;
import dev.facegate.people.boundary.Employees;
import dev.facegate.platform.Roles;
import dev.facegate.platform.control.AuditLog;
import dev.facegate.recognition.boundary.Identification;
import dev.facegate.recognition.boundary.Liveness;
import dev.facegate.recognition.boundary.Recognition;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;

/**
 * The kiosk use case: frames from the browser camera, decided together, and the badge keypad.
 *
 * <p>Each frame is one call and, when it ends an attempt, one transaction that records exactly one
 * check-in (method FACE). Frames are decided like a door's ({@link Recognition#identify}), then
 * {@link dev.facegate.domain.attendance.FrameAgreement} decides the attempt from several of them
 * ({@link KioskAttempts} holds it between frames, in memory). Frames are never stored.
 *
 * <p>Open to anonymous callers because a kiosk holds no user account: the kiosk credential from its
 * cookie is checked first ({@link KioskAuthenticator}); everything after runs as {@link
 * Roles#DEVICE}.
 */
@Stateless
@PermitAll
@RunAs(Roles.DEVICE)
public class KioskCheckIns {

  @Inject KioskAuthenticator kiosks;

  @Inject KioskAttempts attempts;

  @Inject DeviceGuard guard;

  @Inject DeviceRepository devices;

  @Inject BadgeGuard badges;

  @Inject Recognition recognition;

  @Inject CheckIns checkIns;

  @Inject Employees employees;

  @Inject Sites sites;

  @Inject AuditLog audit;

  @Inject Clock clock;

  @Inject Liveness liveness;

  /** Picks the challenge's side: unpredictable, so a recorded turn works half the time at most. */
  private static final SecureRandom RANDOM = new SecureRandom();

  /** How long after its deadline an attempt without frames counts as abandoned. */
  static final Duration ABANDONED_AFTER = Duration.ofSeconds(10);

  /**
   * What the kiosk page asks of a frame.
   *
   * @param attemptId the attempt the page believes it is in, if any (informational: a kiosk has one
   *     attempt at a time, the server's)
   * @param direction the direction the person tapped, if any
   * @param watchOnly only look for a face (between attempts, while the greeting shows, or until the
   *     last person has left): nothing is decided or recorded
   */
  public record FrameRequest(
      Optional<UUID> attemptId, Optional<Direction> direction, boolean watchOnly) {}

  /**
   * Decides one frame from a paired kiosk.
   *
   * @param credential the kiosk credential from the browser's cookie
   * @param request the attempt, direction and mode
   * @param frame the JPEG or PNG frame, already size-checked by the caller
   * @throws DeviceAuthenticationException the browser is not (or no longer) paired
   * @throws DeviceForbiddenException the kiosk is disabled
   * @throws RateLimitedException more frames than a kiosk may send
   * @throws dev.facegate.faces.entity.UnreadableImageException the frame is not an acceptable
   *     image; nothing is recorded and the attempt is unchanged
   */
  public KioskFrame frame(String credential, FrameRequest request, byte[] frame) {
    Device kiosk = kiosks.authenticate(credential);
    if (!guard.tryAcquire(kiosk.getId())) {
      throw new RateLimitedException("Too many frames from this kiosk; slow down.");
    }
    Instant now = clock.instant();
    markSeen(kiosk, now);
    Identification seen = recognition.identify(frame, kiosk.getSite());
    int faces = seen.face().isPresent() ? 1 : faceCount(seen.decision());
    Optional<Challenge> running =
        request.watchOnly() ? Optional.empty() : attempts.challengeOf(kiosk.getId());
    if (running.isPresent()) {
      return challengeFrame(kiosk, seen, faces, now);
    }
    if (request.watchOnly()) {
      return answer(
          KioskFrame.State.WATCHING,
          Optional.empty(),
          seen,
          faces,
          Optional.empty(),
          Optional.empty());
    }
    Attempt attempt =
        attempts.advance(
            kiosk.getId(),
            kiosk.getAgreement(),
            now,
            activeOnly(seen),
            request.direction(),
            seen.modelVersion());
    Optional<AttemptResult> ended = attempt.agreement().outcome();
    if (ended.isEmpty()) {
      return answer(
          KioskFrame.State.PENDING,
          Optional.of(attempt.id()),
          seen,
          faces,
          Optional.empty(),
          Optional.empty());
    }
    if (kiosk.isLivenessChallengeOn() && agreedOnAnActivePerson(ended.get())) {
      // The frames agreed: before recording, the person proves a live head by turning it.
      ChallengeVerifier.Direction asked =
          RANDOM.nextBoolean()
              ? ChallengeVerifier.Direction.LEFT
              : ChallengeVerifier.Direction.RIGHT;
      ChallengeVerifier.Settings bounds = liveness.challengeSettingsFor(kiosk.getSite());
      Optional<Identification.Probe> reference =
          seen.decision().personId().equals(ended.get().personId())
              ? seen.probe()
              : Optional.empty();
      attempts.startChallenge(
          new Challenge(
              kiosk.getId(),
              attempt.id(),
              ChallengeVerifier.start(bounds, asked),
              ended.get(),
              attempt.chosen(),
              attempt.modelVersion(),
              reference,
              now.plus(bounds.timeLimit()).plus(ABANDONED_AFTER)));
      return answer(
          KioskFrame.State.CHALLENGE,
          Optional.of(attempt.id()),
          seen,
          faces,
          Optional.empty(),
          Optional.of(asked.name()));
    }
    KioskCheckIn checkIn = record(kiosk, attempt, ended.get(), seen.duplicateWindowSeconds());
    return answer(
        checkIn.outcome() == Outcome.MATCH
            ? KioskFrame.State.CHECKED_IN
            : KioskFrame.State.NOT_RECOGNISED,
        Optional.empty(),
        seen,
        faces,
        Optional.of(checkIn),
        Optional.empty());
  }

  /**
   * One frame of a running head-turn challenge: a frame with exactly one face goes to the {@link
   * ChallengeVerifier} with its embedding's similarity to the recognised face; other frames are
   * skipped (they neither start the clock nor break the track). A passed challenge records the
   * agreed person's check-in (liveness PASSED); a failed one records LIVENESS_FAILED with the
   * reason.
   */
  private KioskFrame challengeFrame(Device kiosk, Identification seen, int faces, Instant now) {
    Optional<Challenge> after =
        attempts.advanceChallenge(
            kiosk.getId(),
            current -> {
              // Read inside the atomic step: frames reach the verifier in time order even when
              // two requests of one kiosk overlap.
              Instant at = Collections.max(List.of(now, clock.instant()));
              ChallengeVerifier next = current.verifier();
              if (seen.face().isPresent() && seen.probe().isPresent()) {
                Identification.Probe probe = seen.probe().get();
                double similarity = current.reference().map(probe::similarity).orElse(1.0);
                Identification.FaceInFrame face = seen.face().get();
                next =
                    next.withFrame(
                        new ChallengeVerifier.Frame(
                            at,
                            face.landmarks().stream().map(l -> new Point(l.x(), l.y())).toList(),
                            new Box(
                                face.x(),
                                face.y(),
                                face.x() + face.width(),
                                face.y() + face.height()),
                            similarity));
              }
              return current.with(next.expireIfDue(at), seen.probe());
            });
    if (after.isEmpty()) {
      // Another request ended it meanwhile; this frame starts nothing.
      return answer(
          KioskFrame.State.WATCHING,
          Optional.empty(),
          seen,
          faces,
          Optional.empty(),
          Optional.empty());
    }
    Challenge challenge = after.get();
    if (challenge.verifier().isPending()) {
      return answer(
          KioskFrame.State.CHALLENGE,
          Optional.of(challenge.id()),
          seen,
          faces,
          Optional.empty(),
          Optional.of(challenge.verifier().direction().name()));
    }
    KioskCheckIn checkIn = recordChallenge(kiosk, challenge, seen.duplicateWindowSeconds());
    return answer(
        checkIn.outcome() == Outcome.MATCH
            ? KioskFrame.State.CHECKED_IN
            : KioskFrame.State.LIVENESS_FAILED,
        Optional.empty(),
        seen,
        faces,
        Optional.of(checkIn),
        Optional.empty());
  }

  /** The answer to a frame: its state, with the faces the kiosk draws over its preview. */
  private static KioskFrame answer(
      KioskFrame.State state,
      Optional<UUID> attemptId,
      Identification seen,
      int faces,
      Optional<KioskCheckIn> checkIn,
      Optional<String> challenge) {
    return new KioskFrame(
        state,
        attemptId,
        faces,
        seen.face(),
        seen.frameWidth(),
        seen.frameHeight(),
        checkIn,
        challenge);
  }

  private KioskCheckIn recordChallenge(Device kiosk, Challenge challenge, int window) {
    Optional<ChallengeVerifier.Result> result = challenge.verifier().outcome();
    if (result.isPresent() && result.get().passed()) {
      Attempt attempt =
          new Attempt(
              kiosk.getId(),
              challenge.id(),
              FrameAgreement.start(kiosk.getAgreement()),
              challenge.chosen(),
              challenge.modelVersion());
      AttemptResult agreed = challenge.agreed();
      AttemptResult atPass =
          new AttemptResult(
              agreed.ending(),
              agreed.personId(),
              agreed.bestScore(),
              agreed.runnerUpScore(),
              result.get().at(),
              agreed.reason() + " Head turn: " + result.get().reason());
      return record(kiosk, attempt, atPass, window, LivenessCheck.PASSED);
    }
    Instant at = result.map(ChallengeVerifier.Result::at).orElse(challenge.abandonAt());
    String why =
        result
            .map(r -> r.failure().orElseThrow().name() + ": " + r.reason())
            .orElse("TIMED_OUT: no face was seen during the head-turn challenge.");
    CheckIn recorded =
        checkIns.record(
            new CheckIn(
                at,
                kiosk.getId(),
                null,
                Outcome.LIVENESS_FAILED,
                false,
                false,
                boxed(challenge.agreed().bestScore()),
                boxed(challenge.agreed().runnerUpScore()),
                "Head-turn challenge ("
                    + challenge.verifier().direction().name().toLowerCase(Locale.ROOT)
                    + ") failed for a recognised face. "
                    + why,
                challenge.modelVersion(),
                Method.FACE,
                challenge.chosen().orElse(null),
                LivenessCheck.FAILED));
    return new KioskCheckIn(
        recorded.getId(),
        Outcome.LIVENESS_FAILED,
        Method.FACE,
        challenge.chosen(),
        Optional.empty(),
        at,
        KioskCheckIn.LIVENESS_FAILED,
        false);
  }

  private boolean agreedOnAnActivePerson(AttemptResult result) {
    return result.outcome() == Outcome.MATCH
        && result.personId().flatMap(employees::findById).filter(Employee::isActive).isPresent();
  }

  /**
   * Checks in by the fallback credential typed on the kiosk's keypad. Every try is audited; wrong
   * ones lock the employee number and the kiosk's keypad after {@code
   * facegate.kiosk.badge-lockout-failures} tries (see {@link BadgeGuard}).
   *
   * @param credential the kiosk credential from the browser's cookie
   * @param employeeNumber the employee number typed
   * @param badgeOrPin the badge number or PIN typed
   * @param chosen the direction tapped, if any (otherwise the likely one)
   * @throws DeviceAuthenticationException the browser is not (or no longer) paired
   * @throws DeviceForbiddenException the kiosk is disabled
   */
  public KioskBadgeResult badge(
      String credential, String employeeNumber, char[] badgeOrPin, Optional<Direction> chosen) {
    Device kiosk = kiosks.authenticate(credential);
    Instant now = clock.instant();
    String actor = BadgeGuard.kioskActor(kiosk.getId());
    String number = employeeNumber == null ? "" : employeeNumber.strip();
    if (number.isEmpty() || number.length() > 32 || badgeOrPin == null || badgeOrPin.length == 0) {
      return new KioskBadgeResult(
          KioskBadgeResult.Status.REFUSED,
          Optional.empty(),
          Optional.empty(),
          "Type your employee number and your badge number or PIN.");
    }
    String subject = BadgeGuard.employeeSubject(number);
    Optional<Instant> locked =
        badges
            .kioskLockedUntil(kiosk.getId(), now)
            .or(() -> badges.employeeLockedUntil(number, now));
    if (locked.isPresent()) {
      audit.record(actor, AuditAction.BADGE_LOCKED, subject, "Refused unchecked: keypad locked.");
      return new KioskBadgeResult(
          KioskBadgeResult.Status.LOCKED,
          Optional.empty(),
          locked,
          "Too many wrong tries. The keypad is locked until "
              + LocalTime.ofInstant(locked.get(), sites.zoneOf(kiosk.getSite()))
                  .withNano(0)
                  .withSecond(0)
              + "; please ask reception.");
    }
    Optional<Employee> employee = employees.verifyFallbackCredential(number, badgeOrPin);
    java.util.Arrays.fill(badgeOrPin, '\0');
    if (employee.isEmpty()) {
      audit.record(actor, AuditAction.BADGE_REFUSED, subject, "Wrong badge or PIN.");
      Optional<Instant> nowLocked =
          badges
              .kioskLockedUntil(kiosk.getId(), now)
              .or(() -> badges.employeeLockedUntil(number, now));
      return new KioskBadgeResult(
          nowLocked.isPresent() ? KioskBadgeResult.Status.LOCKED : KioskBadgeResult.Status.REFUSED,
          Optional.empty(),
          nowLocked,
          nowLocked.isPresent()
              ? "Too many wrong tries. The keypad is locked for a while; please ask reception."
              : "Employee number or badge/PIN not recognised. Please try again.");
    }
    Employee person = employee.get();
    audit.record(actor, AuditAction.BADGE_ACCEPTED, subject, "Checked in by badge.");
    Direction direction = direction(kiosk, person, chosen, now);
    int window = recognition.duplicateWindowSeconds();
    boolean duplicate = checkIns.matchedSince(person.getId(), now.minusSeconds(window));
    CheckIn recorded =
        checkIns.record(
            new CheckIn(
                now,
                kiosk.getId(),
                person.getId(),
                Outcome.MATCH,
                false,
                duplicate,
                null,
                null,
                "Badge or PIN accepted at the kiosk.",
                recognition.modelVersion(),
                Method.BADGE,
                direction));
    return new KioskBadgeResult(
        KioskBadgeResult.Status.ACCEPTED,
        Optional.of(view(kiosk, recorded, person, direction)),
        Optional.empty(),
        "Accepted.");
  }

  /**
   * Ends the attempts of kiosks that stopped sending frames (the kiosk lost its network, the page
   * was closed): each gets its one UNKNOWN check-in, dated at its deadline. Only attempts that
   * passed their deadline {@link #ABANDONED_AFTER} ago: a kiosk that still sends frames ends its
   * own attempt with its next frame and shows the result.
   */
  @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
  public void expireAbandonedAttempts() {
    for (Challenge expired : attempts.expireDueChallenges(clock.instant())) {
      devices
          .findById(expired.kioskId())
          .ifPresent(
              kiosk -> recordChallenge(kiosk, expired, recognition.duplicateWindowSeconds()));
    }
    for (Attempt expired : attempts.expireDue(clock.instant().minus(ABANDONED_AFTER))) {
      devices
          .findById(expired.kioskId())
          .ifPresent(
              kiosk ->
                  record(
                      kiosk,
                      expired,
                      expired.agreement().outcome().orElseThrow(),
                      recognition.duplicateWindowSeconds()));
    }
  }

  private KioskCheckIn record(
      Device kiosk, Attempt attempt, AttemptResult result, int duplicateWindowSeconds) {
    return record(kiosk, attempt, result, duplicateWindowSeconds, LivenessCheck.NOT_CHECKED);
  }

  private KioskCheckIn record(
      Device kiosk,
      Attempt attempt,
      AttemptResult result,
      int duplicateWindowSeconds,
      LivenessCheck liveness) {
    Instant at = result.decidedAt();
    Optional<Employee> person = result.personId().flatMap(employees::findById);
    if (result.outcome() == Outcome.MATCH && person.isPresent()) {
      Employee employee = person.get();
      Direction direction = direction(kiosk, employee, attempt.chosen(), at);
      boolean duplicate =
          checkIns.matchedSince(employee.getId(), at.minusSeconds(duplicateWindowSeconds));
      CheckIn recorded =
          checkIns.record(
              new CheckIn(
                  at,
                  kiosk.getId(),
                  employee.getId(),
                  Outcome.MATCH,
                  false,
                  duplicate,
                  boxed(result.bestScore()),
                  boxed(result.runnerUpScore()),
                  result.reason(),
                  attempt.modelVersion(),
                  Method.FACE,
                  direction,
                  liveness));
      return view(kiosk, recorded, employee, direction);
    }
    CheckIn recorded =
        checkIns.record(
            new CheckIn(
                at,
                kiosk.getId(),
                null,
                Outcome.UNKNOWN,
                false,
                false,
                boxed(result.bestScore()),
                boxed(result.runnerUpScore()),
                person.isEmpty() && result.outcome() == Outcome.MATCH
                    ? "The matched person was erased meanwhile."
                    : result.reason(),
                attempt.modelVersion(),
                Method.FACE,
                attempt.chosen().orElse(null)));
    return new KioskCheckIn(
        recorded.getId(),
        Outcome.UNKNOWN,
        Method.FACE,
        attempt.chosen(),
        Optional.empty(),
        at,
        KioskCheckIn.NOT_RECOGNISED,
        false);
  }

  private KioskCheckIn view(Device kiosk, CheckIn recorded, Employee person, Direction direction) {
    ZoneId zone = sites.zoneOf(kiosk.getSite());
    return new KioskCheckIn(
        recorded.getId(),
        Outcome.MATCH,
        recorded.getMethod(),
        Optional.of(direction),
        Optional.of(person.getFullName()),
        recorded.getOccurredAt(),
        Greeting.of(
            person.getFullName(), direction, LocalTime.ofInstant(recorded.getOccurredAt(), zone)),
        recorded.isDuplicate());
  }

  private Direction direction(
      Device kiosk, Employee person, Optional<Direction> chosen, Instant at) {
    return chosen.orElseGet(
        () ->
            DirectionRule.likely(
                sites.zoneOf(kiosk.getSite()), at, checkIns.lastDirected(person.getId())));
  }

  /**
   * A frame's decision as the agreement counts it: a MATCH of someone who is not an active employee
   * (left the company, or erased meanwhile) agrees with nobody.
   */
  private static Decision activeOnly(Identification seen) {
    Decision decision = seen.decision();
    if (decision.outcome() != Outcome.MATCH || seen.standing() == Standing.ACTIVE) {
      return decision;
    }
    return new Decision(
        Outcome.UNKNOWN,
        Optional.empty(),
        decision.bestScore(),
        decision.runnerUpScore(),
        "The matched person is not an active employee.");
  }

  private static int faceCount(Decision decision) {
    return decision.outcome() == Outcome.MULTIPLE_FACES ? 2 : 0;
  }

  private void markSeen(Device kiosk, Instant now) {
    devices.markSeen(kiosk, now);
  }

  private static Double boxed(OptionalDouble value) {
    return value.isPresent() ? value.getAsDouble() : null;
  }
}
