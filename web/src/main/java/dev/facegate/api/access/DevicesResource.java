package dev.facegate.api.access;

import dev.facegate.access.boundary.CreatedDevice;
import dev.facegate.access.boundary.Devices;
import dev.facegate.access.boundary.NewDevice;
import dev.facegate.access.boundary.PairingCode;
import dev.facegate.domain.access.Device;
import dev.facegate.domain.access.DeviceKind;
import dev.facegate.platform.InvalidInputException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;

/** Kiosks and door controllers. Only administrators manage them. */
@Path("v1/devices")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("ADMIN")
public class DevicesResource {

  @Inject Devices devices;

  /**
   * A device as the API shows it: its public key (not a secret) and the key's fingerprint, never a
   * token or token hash. {@code legacy} devices use the old token scheme and have no key.
   */
  public record DeviceView(
      long id,
      String name,
      String kind,
      String site,
      String doorName,
      boolean enabled,
      boolean legacy,
      String publicKey,
      String keyFingerprint,
      boolean paired,
      Instant lastSeenAt,
      Instant createdAt,
      Boolean livenessChallenge) {

    static DeviceView of(Device d) {
      return new DeviceView(
          d.getId(),
          d.getName(),
          d.getKind().name(),
          d.getSite(),
          d.getDoorName(),
          d.isEnabled(),
          d.isLegacy(),
          d.getPublicKey(),
          d.getKeyFingerprint().isEmpty() ? null : d.getKeyFingerprint(),
          d.isPaired(),
          d.getLastSeenAt(),
          d.getCreatedAt(),
          d.getKind() == DeviceKind.KIOSK ? d.isLivenessChallengeOn() : null);
    }
  }

  /**
   * A device with its token: the only response that ever contains a legacy device's token ({@code
   * token} is absent for a device that signs with its own key).
   */
  public record DeviceWithToken(
      DeviceView device, String token, String pairingCode, Instant pairingExpiresAt) {

    static DeviceWithToken of(CreatedDevice created) {
      return new DeviceWithToken(
          DeviceView.of(created.device()),
          created.token().orElse(null),
          created.pairing().map(PairingCode::code).orElse(null),
          created.pairing().map(PairingCode::expiresAt).orElse(null));
    }
  }

  /** A kiosk's new one-time pairing code: the only response that contains it. */
  public record PairingCodeView(String pairingCode, Instant expiresAt) {}

  /** A kiosk's multi-frame agreement: {@code required} of the last {@code window} frames. */
  public record AgreementRequest(Integer required, Integer window, Long timeoutMillis) {}

  /**
   * Body of a create request: {@code publicKey} is the device's Ed25519 public key (PEM or base64
   * of the X.509 SubjectPublicKeyInfo); {@code legacy: true} registers a token device instead.
   */
  public record CreateDeviceRequest(
      String name, String kind, String site, String doorName, String publicKey, Boolean legacy) {}

  /** Body of a key registration. */
  public record PublicKeyRequest(String publicKey) {}

  @GET
  public List<DeviceView> list() {
    return devices.list().stream().map(DeviceView::of).toList();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(CreateDeviceRequest request) {
    if (request == null) {
      throw new InvalidInputException(List.of("A JSON body with the device is required."));
    }
    DeviceKind kind;
    try {
      kind =
          request.kind() == null
              ? null
              : DeviceKind.valueOf(request.kind().strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(List.of("kind must be KIOSK or DOOR."));
    }
    CreatedDevice created =
        devices.create(
            new NewDevice(
                request.name(),
                kind,
                request.site(),
                request.doorName(),
                request.publicKey(),
                Boolean.TRUE.equals(request.legacy())));
    return Response.status(Response.Status.CREATED)
        .header("Cache-Control", "no-store")
        .entity(DeviceWithToken.of(created))
        .build();
  }

  /**
   * Registers the device's new public key (key rotation); a legacy device leaves the token scheme.
   */
  @PUT
  @Path("{id}/public-key")
  @Consumes(MediaType.APPLICATION_JSON)
  public DeviceView registerKey(@PathParam("id") long id, PublicKeyRequest request) {
    if (request == null || request.publicKey() == null) {
      throw new InvalidInputException(List.of("A JSON body with publicKey is required."));
    }
    return DeviceView.of(devices.registerKey(id, request.publicKey()));
  }

  /**
   * Issues a new token to a legacy device (shown once). No body; {@code @Consumes} is declared
   * anyway so that a cross-site form post (form or text/plain) gets 415.
   */
  @Consumes(MediaType.APPLICATION_JSON)
  @POST
  @Path("{id}/token")
  public Response rotate(@PathParam("id") long id) {
    return Response.ok(DeviceWithToken.of(devices.rotateToken(id)))
        .header("Cache-Control", "no-store")
        .build();
  }

  /** A new one-time pairing code for a browser kiosk (shown once). */
  // No body; declared anyway so that a cross-site form post (form or text/plain) gets 415.
  @Consumes(MediaType.APPLICATION_JSON)
  @POST
  @Path("{id}/pairing-code")
  public Response pairingCode(@PathParam("id") long id) {
    PairingCode code = devices.issuePairingCode(id);
    return Response.ok(new PairingCodeView(code.code(), code.expiresAt()))
        .header("Cache-Control", "no-store")
        .build();
  }

  /** Ends a kiosk's pairing: its browser is refused from its next request. */
  // No body; declared anyway so that a cross-site form post (form or text/plain) gets 415.
  @Consumes(MediaType.APPLICATION_JSON)
  @POST
  @Path("{id}/unpair")
  public DeviceView unpair(@PathParam("id") long id) {
    return DeviceView.of(devices.unpairKiosk(id));
  }

  /** Switches a kiosk's head-turn challenge on or off. */
  public record ChallengeRequest(Boolean enabled) {}

  /** Switches a kiosk's head-turn challenge (liveness) on or off; audited. */
  @PUT
  @Path("{id}/liveness-challenge")
  @Consumes(MediaType.APPLICATION_JSON)
  public DeviceView livenessChallenge(@PathParam("id") long id, ChallengeRequest request) {
    if (request == null || request.enabled() == null) {
      throw new InvalidInputException(
          List.of("A JSON body with enabled (true/false) is required."));
    }
    return DeviceView.of(devices.switchLivenessChallenge(id, request.enabled()));
  }

  /** Sets a kiosk's multi-frame agreement. */
  @PUT
  @Path("{id}/agreement")
  @Consumes(MediaType.APPLICATION_JSON)
  public DeviceView agreement(@PathParam("id") long id, AgreementRequest request) {
    if (request == null
        || request.required() == null
        || request.window() == null
        || request.timeoutMillis() == null) {
      throw new InvalidInputException(
          List.of("A JSON body with required, window and timeoutMillis is required."));
    }
    return DeviceView.of(
        devices.changeKioskAgreement(
            id, request.required(), request.window(), request.timeoutMillis()));
  }

  // No body; declared anyway so that a cross-site form post (form or text/plain) gets 415.
  @Consumes(MediaType.APPLICATION_JSON)
  @POST
  @Path("{id}/disable")
  public DeviceView disable(@PathParam("id") long id) {
    return DeviceView.of(devices.disable(id));
  }

  // No body; declared anyway so that a cross-site form post (form or text/plain) gets 415.
  @Consumes(MediaType.APPLICATION_JSON)
  @POST
  @Path("{id}/enable")
  public DeviceView enable(@PathParam("id") long id) {
    return DeviceView.of(devices.enable(id));
  }
}
