package dev.facegate.api.access;

import dev.facegate.access.boundary.DoorDecision;
import dev.facegate.access.boundary.DoorDecisions;
import dev.facegate.access.boundary.DoorPass;
import dev.facegate.access.boundary.SignedRequest;
import dev.facegate.api.Uploads;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The door-controller hook: a door posts a camera frame and gets OPEN or DENY.
 *
 * <p>A door may instead post a burst of up to five frames as one multipart body; the server then
 * checks that the face moved like a head and not like a flat picture (passive liveness), and the
 * answer says so.
 *
 * <p>Authentication is per device, not per user: the door signs each request with its own Ed25519
 * key (HTTP Message Signatures, RFC 9421) over {@code "@method" "@path" "content-digest"}, with
 * {@code created} and {@code keyid} = the door's id, and declares the body's SHA-256 in {@code
 * Content-Digest} (RFC 9530); see docs/api.md. The headers are authenticated before the body is
 * read ({@link DoorDecisions#authenticate}); then the body is read with the size limit and {@link
 * DoorDecisions#decide} checks it against the signed digest, decides and records in one
 * transaction. Legacy devices send their token instead ({@code Authorization: Device}).
 */
@Path("v1/doors/{doorId}/decisions")
public class DoorDecisionsResource {

  /** The headers authentication may read; no other header reaches the boundary. */
  private static final List<String> SIGNED_HEADERS =
      List.of(
          SignedRequest.SIGNATURE_INPUT,
          SignedRequest.SIGNATURE,
          SignedRequest.CONTENT_DIGEST,
          SignedRequest.AUTHORIZATION,
          SignedRequest.LEGACY_TIMESTAMP,
          SignedRequest.LEGACY_SIGNATURE,
          "content-type",
          "content-length",
          "date");

  @Inject DoorDecisions doors;

  @Inject
  @ConfigProperty(name = "facegate.upload.max-bytes")
  long maxBytes;

  /**
   * The door's answer.
   *
   * @param decision OPEN or DENY
   * @param outcome MATCH, UNKNOWN, NO_FACE, MULTIPLE_FACES or LIVENESS_FAILED
   * @param employeeId the matched employee's id (MATCH only)
   * @param employeeNumber the matched employee's number (MATCH only)
   * @param employeeName the matched employee's name (MATCH only)
   * @param score the best person's cosine similarity, when a face was searched
   * @param runnerUpScore the best other person's
   * @param reason why, in one sentence
   * @param checkInId the check-in recording this decision
   * @param duplicate a repeat of the same person within the duplicate window
   * @param liveness whether and how the frames were checked for liveness
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
      boolean duplicate,
      LivenessAnswer liveness) {

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
          r.duplicate(),
          LivenessAnswer.of(r.liveness()));
    }
  }

  /**
   * The liveness side of the answer.
   *
   * @param checked whether the passive motion check ran (a burst with a recognised face)
   * @param result NOT_CHECKED, PASSED or FAILED
   * @param frames how many frames the request held
   * @param residual the largest landmark homography residual, per eye distance, when checked
   * @param reason what the check found
   */
  public record LivenessAnswer(
      boolean checked, String result, int frames, Double residual, String reason) {

    static LivenessAnswer of(DoorDecision.LivenessResult l) {
      return new LivenessAnswer(
          l.checked(), l.check().name(), l.frames(), l.residual(), l.reason());
    }
  }

  @POST
  @Consumes({"image/jpeg", "image/png", MediaType.APPLICATION_OCTET_STREAM})
  @Produces(MediaType.APPLICATION_JSON)
  public DoorAnswer decide(
      @PathParam("doorId") long doorId,
      @Context HttpHeaders headers,
      @Context UriInfo uri,
      InputStream body) {
    // Who is sending comes first: an unauthenticated request never has its body read.
    DoorPass pass = doors.authenticate(doorId, signedRequest(headers, uri));
    byte[] frame = Uploads.read(body, headers, maxBytes);
    return DoorAnswer.of(doors.decide(pass, frame));
  }

  /**
   * A burst: up to five frames as one {@code multipart/form-data} body, each part an image. The
   * signature must also cover {@code content-type}; the digest covers the whole multipart body.
   */
  @POST
  @Consumes({MediaType.MULTIPART_FORM_DATA, "multipart/mixed"})
  @Produces(MediaType.APPLICATION_JSON)
  public DoorAnswer decideBurst(
      @PathParam("doorId") long doorId,
      @Context HttpHeaders headers,
      @Context UriInfo uri,
      InputStream body) {
    DoorPass pass = doors.authenticate(doorId, signedRequest(headers, uri));
    byte[] burst = Uploads.read(body, headers, maxBytes);
    return DoorAnswer.of(
        doors.decideBurst(pass, burst, headers.getHeaderString(HttpHeaders.CONTENT_TYPE)));
  }

  private static SignedRequest signedRequest(HttpHeaders headers, UriInfo uri) {
    Map<String, String> fields = new HashMap<>();
    for (String name : SIGNED_HEADERS) {
      List<String> lines = headers.getRequestHeader(name);
      if (lines != null && !lines.isEmpty()) {
        fields.put(name, lines.stream().map(String::strip).collect(Collectors.joining(", ")));
      }
    }
    return new SignedRequest(
        "POST",
        uri.getRequestUri().getRawPath(),
        headers.getHeaderString(HttpHeaders.HOST),
        fields);
  }
}
