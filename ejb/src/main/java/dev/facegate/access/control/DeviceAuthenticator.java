package dev.facegate.access.control;

import dev.facegate.access.boundary.DeviceAuthenticationException;
import dev.facegate.access.boundary.DeviceForbiddenException;
import dev.facegate.access.boundary.RateLimitedException;
import dev.facegate.access.boundary.SignedRequest;
import dev.facegate.access.control.HttpSignatures.SignatureEntry;
import dev.facegate.access.control.PendingRequest.LegacySignature;
import dev.facegate.domain.access.Device;
import dev.facegate.domain.access.DeviceKind;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Authenticates device requests in two steps, so that nobody gets a body read without proving who
 * they are: {@link #admit} checks the headers (RFC 9421 signature over method, path and the
 * declared {@code Content-Digest}, window, replay, rate) and issues a pass; {@link #redeem} takes
 * the pass back with the body, inside the use case's transaction, checks the body against the
 * digest and marks the device as seen.
 *
 * <p>Every failure says as little as possible to the caller: an unknown device and a wrong key get
 * the same answer.
 */
@Dependent
public class DeviceAuthenticator {

  private static final String REFUSED = "The device credentials are not valid.";
  private static final String LEGACY_SCHEME = "device ";
  private static final String CONTENT_TYPE = "content-type";
  private static final List<String> REQUIRED_COMPONENTS =
      List.of("@method", "@path", SignedRequest.CONTENT_DIGEST);

  @Inject DeviceRepository devices;

  @Inject DeviceGuard guard;

  @Inject Clock clock;

  /**
   * Checks a request's headers and issues a pass for its body.
   *
   * @param expectedKind the kind of device the endpoint serves
   * @return the pass's id
   * @throws DeviceAuthenticationException missing, malformed, wrong, stale or replayed (401)
   * @throws DeviceForbiddenException disabled device or wrong kind (403)
   * @throws RateLimitedException too many requests (429)
   */
  public String admit(long deviceId, SignedRequest request, DeviceKind expectedKind) {
    Optional<String> authorization = request.header(SignedRequest.AUTHORIZATION);
    if (authorization.isPresent()
        && authorization.get().toLowerCase(Locale.ROOT).startsWith(LEGACY_SCHEME)) {
      if (MultipartFrames.isMultipart(request.header(CONTENT_TYPE).orElse(null))) {
        throw new DeviceAuthenticationException(
            "A burst (multipart) must be signed with the device's key (RFC 9421) over"
                + " content-type too; the legacy token scheme sends single frames only.");
      }
      return admitLegacy(deviceId, request, authorization.get(), expectedKind);
    }
    String input =
        request
            .header(SignedRequest.SIGNATURE_INPUT)
            .orElseThrow(
                () ->
                    new DeviceAuthenticationException(
                        "Signature-Input, Signature and Content-Digest are required (RFC 9421)."));
    String signatureHeader =
        request
            .header(SignedRequest.SIGNATURE)
            .orElseThrow(() -> new DeviceAuthenticationException("Signature is required."));
    String digestHeader =
        request
            .header(SignedRequest.CONTENT_DIGEST)
            .orElseThrow(
                () -> new DeviceAuthenticationException("Content-Digest (sha-256) is required."));
    SignatureEntry signature = signatureFor(deviceId, input, signatureHeader);
    // The digest fixes the body's bytes, but the boundary in Content-Type decides how they split
    // into frames: a burst's signature must cover it, or a relay could re-cut the signed body.
    if (MultipartFrames.isMultipart(request.header(CONTENT_TYPE).orElse(null))
        && !signature.components().contains(CONTENT_TYPE)) {
      throw new DeviceAuthenticationException(
          "A burst's signature must also cover \"content-type\" (its boundary).");
    }
    byte[] declared;
    try {
      declared = ContentDigests.declaredSha256(digestHeader);
    } catch (IllegalArgumentException e) {
      throw new DeviceAuthenticationException(e.getMessage());
    }
    Instant now = clock.instant();
    checkWindow(createdOf(signature), now);
    Optional<Object> expires = signature.parameter("expires");
    if (expires.isPresent() && !(expires.get() instanceof Long e && e >= now.getEpochSecond())) {
      throw new DeviceAuthenticationException("The signature has expired.");
    }
    Device device =
        devices.findById(deviceId).orElseThrow(() -> new DeviceAuthenticationException(REFUSED));
    if (device.isLegacy() || device.getPublicKey() == null) {
      throw new DeviceAuthenticationException(REFUSED);
    }
    String base;
    try {
      base = HttpSignatures.signatureBase(message(request), signature.covered());
    } catch (IllegalArgumentException e) {
      throw new DeviceAuthenticationException("The signature cannot be checked: " + e.getMessage());
    }
    if (!HttpSignatures.verifyEd25519(
        DeviceKeys.decode(device.getPublicKey()), base, signature.signature())) {
      throw new DeviceAuthenticationException(REFUSED);
    }
    checkAllowed(device, expectedKind);
    if (!guard.firstUse(Base64.getEncoder().encodeToString(signature.signature()))) {
      throw new DeviceAuthenticationException("This request was already received (replay).");
    }
    checkRate(device);
    return guard.issue(new PendingRequest(device.getId(), now, declared, null));
  }

  /**
   * Takes a pass back with the request's body; runs inside the use case's transaction.
   *
   * @return the device, loaded in the caller's transaction and checked again (a door disabled while
   *     its body was on the way is refused)
   * @throws DeviceAuthenticationException unknown, used or expired pass; body not the signed one
   * @throws DeviceForbiddenException the device was disabled meanwhile
   */
  public Device redeem(long deviceId, String passId, byte[] body, DeviceKind expectedKind) {
    PendingRequest pending =
        guard
            .redeem(passId)
            .filter(p -> p.deviceId() == deviceId)
            .orElseThrow(
                () -> new DeviceAuthenticationException("The request is not authenticated."));
    Device device =
        devices.findById(deviceId).orElseThrow(() -> new DeviceAuthenticationException(REFUSED));
    if (pending.legacy() != null) {
      LegacySignature legacy = pending.legacy();
      if (!device.isLegacy()
          || !DeviceTokens.constantTimeEquals(
              DeviceTokens.sign(
                  device.getTokenHash(),
                  legacy.method(),
                  legacy.path(),
                  legacy.timestamp(),
                  DeviceTokens.bodyHash(body)),
              legacy.signature())) {
        throw new DeviceAuthenticationException("The request signature is not valid.");
      }
    } else if (!ContentDigests.matches(body, pending.declaredSha256())) {
      throw new DeviceAuthenticationException(
          "The body does not match its Content-Digest (tampered or truncated).");
    }
    checkAllowed(device, expectedKind);
    devices.markSeen(device, clock.instant());
    return device;
  }

  private String admitLegacy(
      long deviceId, SignedRequest request, String authorization, DeviceKind expectedKind) {
    String token = authorization.substring(LEGACY_SCHEME.length()).strip();
    String timestamp = request.header(SignedRequest.LEGACY_TIMESTAMP).orElse(null);
    String signature = request.header(SignedRequest.LEGACY_SIGNATURE).orElse(null);
    if (token.isEmpty() || signature == null || timestamp == null) {
      throw new DeviceAuthenticationException(
          "Device token, X-FaceGate-Timestamp and X-FaceGate-Signature are required.");
    }
    Device device =
        devices.findById(deviceId).orElseThrow(() -> new DeviceAuthenticationException(REFUSED));
    if (!device.isLegacy()) {
      throw new DeviceAuthenticationException(
          "This device signs its requests with its own key (RFC 9421); the token scheme is off.");
    }
    if (!DeviceTokens.constantTimeEquals(DeviceTokens.hash(token), device.getTokenHash())) {
      throw new DeviceAuthenticationException(REFUSED);
    }
    Instant sent;
    try {
      sent = Instant.ofEpochSecond(Long.parseLong(timestamp));
    } catch (NumberFormatException | DateTimeException e) {
      throw new DeviceAuthenticationException(
          "X-FaceGate-Timestamp must be seconds since the epoch.");
    }
    Instant now = clock.instant();
    checkWindow(sent, now);
    checkAllowed(device, expectedKind);
    if (!guard.firstUse(signature)) {
      throw new DeviceAuthenticationException("This request was already received (replay).");
    }
    checkRate(device);
    return guard.issue(
        new PendingRequest(
            device.getId(),
            now,
            null,
            new LegacySignature(request.method(), request.path(), timestamp, signature)));
  }

  /** The first signature that names this device as its key and covers what a door must sign. */
  private static SignatureEntry signatureFor(long deviceId, String input, String signature) {
    List<SignatureEntry> entries;
    try {
      entries = HttpSignatures.entries(input, signature);
    } catch (IllegalArgumentException e) {
      throw new DeviceAuthenticationException(
          "Signature-Input / Signature are not well formed: " + e.getMessage());
    }
    String keyId = Long.toString(deviceId);
    return entries.stream()
        .filter(e -> e.parameter("keyid").filter(keyId::equals).isPresent())
        .findFirst()
        .map(DeviceAuthenticator::checkCovers)
        .orElseThrow(
            () ->
                new DeviceAuthenticationException(
                    "No signature with keyid=\"" + keyId + "\" (the door's device id)."));
  }

  private static SignatureEntry checkCovers(SignatureEntry entry) {
    if (!entry.components().containsAll(REQUIRED_COMPONENTS)) {
      throw new DeviceAuthenticationException(
          "The signature must cover \"@method\" \"@path\" \"content-digest\".");
    }
    Optional<Object> alg = entry.parameter("alg");
    if (alg.isPresent() && !"ed25519".equals(alg.get())) {
      throw new DeviceAuthenticationException("Only alg=\"ed25519\" is accepted.");
    }
    return entry;
  }

  private static Instant createdOf(SignatureEntry entry) {
    try {
      if (entry.parameter("created").orElse(null) instanceof Long created) {
        return Instant.ofEpochSecond(created);
      }
    } catch (DateTimeException e) {
      throw new DeviceAuthenticationException("created is not a valid time.");
    }
    throw new DeviceAuthenticationException("The signature needs created=<seconds since epoch>.");
  }

  private void checkWindow(Instant sent, Instant now) {
    if (sent.isBefore(now.minus(guard.window())) || sent.isAfter(now.plus(guard.window()))) {
      throw new DeviceAuthenticationException(
          "The request timestamp is outside the " + guard.window().toSeconds() + " s window.");
    }
  }

  private static void checkAllowed(Device device, DeviceKind expectedKind) {
    if (!device.isEnabled()) {
      throw new DeviceForbiddenException("This device is disabled.");
    }
    if (device.getKind() != expectedKind) {
      throw new DeviceForbiddenException("This endpoint is for " + expectedKind + " devices.");
    }
  }

  private void checkRate(Device device) {
    if (!guard.tryAcquire(device.getId())) {
      throw new RateLimitedException("Too many requests from this device; slow down.");
    }
  }

  private static HttpSignatures.Message message(SignedRequest request) {
    return new HttpSignatures.Message() {
      @Override
      public String method() {
        return request.method();
      }

      @Override
      public String path() {
        return request.path();
      }

      @Override
      public String authority() {
        return request.authority();
      }

      @Override
      public Optional<String> field(String name) {
        return request.header(name);
      }
    };
  }
}
