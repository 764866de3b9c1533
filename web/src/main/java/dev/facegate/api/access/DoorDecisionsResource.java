package dev.facegate.api.access;

import dev.facegate.access.boundary.DoorDecision;
import dev.facegate.access.boundary.DoorDecisions;
import dev.facegate.access.boundary.SignedRequest;
import dev.facegate.api.Uploads;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The door-controller hook: a door posts a camera frame and gets OPEN or DENY.
 *
 * <p>Authentication is per device, not per user: {@code Authorization: Device <token>} plus an
 * HMAC-SHA256 signature ({@code X-FaceGate-Signature}) over method, path, timestamp ({@code
 * X-FaceGate-Timestamp}) and the SHA-256 of the body, valid for 60 s and only once (see
 * docs/api.md). One boundary call per frame: {@link DoorDecisions} authenticates, decides and
 * records in one transaction.
 */
@Path("v1/doors/{doorId}/decisions")
public class DoorDecisionsResource {

  public static final String TIMESTAMP = "X-FaceGate-Timestamp";
  public static final String SIGNATURE = "X-FaceGate-Signature";
  private static final String DEVICE_SCHEME = "Device ";

  @Inject DoorDecisions doors;

  @Inject
  @ConfigProperty(name = "facegate.upload.max-bytes")
  long maxBytes;

  /**
   * The door's answer.
   *
   * @param decision OPEN or DENY
   * @param outcome MATCH, UNKNOWN, NO_FACE or MULTIPLE_FACES
   * @param employeeId the matched employee's id (MATCH only)
   * @param employeeNumber the matched employee's number (MATCH only)
   * @param employeeName the matched employee's name (MATCH only)
   * @param score the best person's cosine similarity, when a face was searched
   * @param runnerUpScore the best other person's
   * @param reason why, in one sentence
   * @param checkInId the check-in recording this decision
   * @param duplicate a repeat of the same person within the duplicate window
   */
  public record DoorAnswer(
      String decision,
      String outcome,
      Long employeeId,
      String employeeNumber,
      String employeeName,
      Double score,
      Double runnerUpScore,
      String reason,
      long checkInId,
      boolean duplicate) {

    static DoorAnswer of(DoorDecision r) {
      return new DoorAnswer(
          r.open() ? "OPEN" : "DENY",
          r.outcome().name(),
          r.employeeId().orElse(null),
          r.employeeNumber().orElse(null),
          r.employeeName().orElse(null),
          r.score().isPresent() ? r.score().getAsDouble() : null,
          r.runnerUpScore().isPresent() ? r.runnerUpScore().getAsDouble() : null,
          r.reason(),
          r.checkInId(),
          r.duplicate());
    }
  }

  @POST
  @Consumes({"image/jpeg", "image/png", MediaType.APPLICATION_OCTET_STREAM})
  @Produces(MediaType.APPLICATION_JSON)
  public DoorAnswer decide(
      @PathParam("doorId") long doorId,
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @HeaderParam(TIMESTAMP) String timestamp,
      @HeaderParam(SIGNATURE) String signature,
      @Context HttpHeaders headers,
      @Context UriInfo uri,
      InputStream body) {
    byte[] frame = Uploads.read(body, headers, maxBytes);
    String token =
        authorization != null
                && authorization.regionMatches(true, 0, DEVICE_SCHEME, 0, DEVICE_SCHEME.length())
            ? authorization.substring(DEVICE_SCHEME.length()).strip()
            : null;
    return DoorAnswer.of(
        doors.decide(
            doorId,
            new SignedRequest(
                token, timestamp, signature, "POST", uri.getRequestUri().getRawPath()),
            frame));
  }
}
