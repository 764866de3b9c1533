package dev.facegate.api.access;

import dev.facegate.access.boundary.DeviceAuthenticationException;
import dev.facegate.access.boundary.KioskBadgeResult;
import dev.facegate.access.boundary.KioskCheckIn;
import dev.facegate.access.boundary.KioskCheckIns;
import dev.facegate.access.boundary.KioskCheckIns.FrameRequest;
import dev.facegate.access.boundary.KioskFrame;
import dev.facegate.access.boundary.KioskPairings;
import dev.facegate.access.boundary.KioskPairings.KioskIdentity;
import dev.facegate.api.Uploads;
import dev.facegate.domain.attendance.Direction;
import dev.facegate.platform.InvalidInputException;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The kiosk page's channel to the server: pairing, frames and the badge keypad.
 *
 * <p>Plain HTTP POST per frame rather than a WebSocket: the page sends the next frame when the
 * answer to the last one has arrived (one in flight, so a slow server slows the kiosk instead of
 * queueing frames), each request carries the kiosk cookie and is authenticated on its own (an
 * unpaired or disabled kiosk is refused at its very next frame), the size limit, the image checks,
 * the rate limit and the problem+json errors are the API's own, and it passes any proxy. What a
 * WebSocket would save, a TCP and TLS handshake per frame, keep-alive already saves.
 *
 * <p>Authentication: the kiosk credential, in an HttpOnly, Secure (over HTTPS), SameSite=Strict
 * cookie set by {@link #pair}. The endpoints accept only JSON or image bodies, which no cross-site
 * form can send without a CORS preflight that this server never grants.
 */
@Path("v1/kiosk")
@Produces(MediaType.APPLICATION_JSON)
public class KioskResource {

  /** The cookie holding the kiosk credential. */
  public static final String COOKIE = "FG_KIOSK";

  private static final String NOT_PAIRED = "This browser is not paired with a kiosk.";

  @Inject KioskPairings pairings;

  @Inject KioskCheckIns kiosks;

  @Inject
  @ConfigProperty(name = "facegate.kiosk.max-frame-bytes")
  long maxFrameBytes;

  @Inject
  @ConfigProperty(name = "facegate.kiosk.credential-days")
  int credentialDays;

  /** The pairing form. */
  public record PairingRequest(String code) {}

  /** The keypad's try. */
  public record BadgeRequest(String employeeNumber, String pin, String direction) {}

  /** The paired kiosk, as its page shows it. */
  public record KioskView(
      long deviceId,
      String name,
      String site,
      int framesRequired,
      int framesWindow,
      long attemptTimeoutMillis) {

    static KioskView of(KioskIdentity k) {
      return new KioskView(
          k.deviceId(),
          k.name(),
          k.site(),
          k.framesRequired(),
          k.framesWindow(),
          k.attemptTimeoutMillis());
    }
  }

  /** A face box and landmarks in frame pixels. */
  public record FaceView(
      double x, double y, double width, double height, List<double[]> landmarks) {}

  /** A check-in as the kiosk shows it. */
  public record CheckInView(
      long checkInId,
      String outcome,
      String method,
      String direction,
      String employeeName,
      Instant occurredAt,
      String message,
      boolean duplicate) {

    static CheckInView of(KioskCheckIn c) {
      return new CheckInView(
          c.checkInId(),
          c.outcome().name(),
          c.method().name(),
          c.direction().map(Enum::name).orElse(null),
          c.employeeName().orElse(null),
          c.occurredAt(),
          c.greeting(),
          c.duplicate());
    }
  }

  /**
   * The answer to a frame. {@code state} CHALLENGE comes with {@code challenge} LEFT or RIGHT (the
   * side the person is asked to turn to, as they see it); LIVENESS_FAILED with the check-in.
   */
  public record FrameView(
      String state,
      String attemptId,
      int faceCount,
      FaceView face,
      int frameWidth,
      int frameHeight,
      CheckInView checkIn,
      String challenge) {

    static FrameView of(KioskFrame f) {
      return new FrameView(
          f.state().name(),
          f.attemptId().map(UUID::toString).orElse(null),
          f.faceCount(),
          f.face()
              .map(
                  face ->
                      new FaceView(
                          face.x(),
                          face.y(),
                          face.width(),
                          face.height(),
                          face.landmarks().stream().map(p -> new double[] {p.x(), p.y()}).toList()))
              .orElse(null),
          f.frameWidth(),
          f.frameHeight(),
          f.checkIn().map(CheckInView::of).orElse(null),
          f.challenge().orElse(null));
    }
  }

  /** The answer to a badge try. */
  public record BadgeView(String status, CheckInView checkIn, Instant lockedUntil, String message) {

    static BadgeView of(KioskBadgeResult r) {
      return new BadgeView(
          r.status().name(),
          r.checkIn().map(CheckInView::of).orElse(null),
          r.lockedUntil().orElse(null),
          r.message());
    }
  }

  /** Pairs this browser with the kiosk whose one-time code it sends; sets the kiosk cookie. */
  @POST
  @Path("pairing")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response pair(PairingRequest request, @Context HttpServletRequest http) {
    KioskPairings.Paired paired =
        pairings.pair(request == null ? null : request.code(), http.getRemoteAddr());
    NewCookie cookie =
        new NewCookie.Builder(COOKIE)
            .value(paired.credential())
            .path("/")
            .httpOnly(true)
            .secure(http.isSecure())
            .sameSite(NewCookie.SameSite.STRICT)
            .maxAge(Math.toIntExact(Duration.ofDays(credentialDays).toSeconds()))
            .build();
    return Response.ok(KioskView.of(paired.kiosk())).cookie(cookie).build();
  }

  /** The kiosk this browser is paired with; 401 when none (the page then shows pairing). */
  @GET
  @Path("session")
  public KioskView session(@CookieParam(COOKIE) String credential) {
    return pairings
        .identify(credential)
        .map(KioskView::of)
        .orElseThrow(() -> new DeviceAuthenticationException(NOT_PAIRED));
  }

  /**
   * Decides one frame.
   *
   * @param attempt the attempt id from the previous answer, if any
   * @param direction IN or OUT when the person tapped one
   * @param watch true to only look for a face, deciding and recording nothing
   */
  @POST
  @Path("frames")
  @Consumes({"image/jpeg", "image/png"})
  public FrameView frame(
      @CookieParam(COOKIE) String credential,
      @QueryParam("attempt") String attempt,
      @QueryParam("direction") String direction,
      @QueryParam("watch") @DefaultValue("false") boolean watch,
      @Context HttpHeaders headers,
      InputStream body) {
    FrameRequest request = new FrameRequest(attemptId(attempt), direction(direction), watch);
    // The credential is checked before the body is read: an unpaired browser's frame is not read.
    pairings.identify(credential).orElseThrow(() -> new DeviceAuthenticationException(NOT_PAIRED));
    byte[] frame = Uploads.read(body, headers, maxFrameBytes);
    return FrameView.of(kiosks.frame(credential, request, frame));
  }

  /** Checks in by employee number and badge number or PIN. */
  @POST
  @Path("badge")
  @Consumes(MediaType.APPLICATION_JSON)
  public BadgeView badge(@CookieParam(COOKIE) String credential, BadgeRequest request) {
    if (request == null) {
      throw new InvalidInputException(List.of("employeeNumber and pin are required."));
    }
    char[] pin = request.pin() == null ? null : request.pin().toCharArray();
    return BadgeView.of(
        kiosks.badge(credential, request.employeeNumber(), pin, direction(request.direction())));
  }

  private static Optional<UUID> attemptId(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(UUID.fromString(value.strip()));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(List.of("attempt must be the id the last answer gave."));
    }
  }

  private static Optional<Direction> direction(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Direction.valueOf(value.strip().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(List.of("direction must be IN or OUT."));
    }
  }
}
