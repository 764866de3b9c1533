package dev.facegate.access.control;

import dev.facegate.access.boundary.DeviceAuthenticationException;
import dev.facegate.access.boundary.DeviceForbiddenException;
import dev.facegate.access.boundary.RateLimitedException;
import dev.facegate.access.boundary.SignedRequest;
import dev.facegate.domain.access.Device;
import dev.facegate.domain.access.DeviceKind;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;

/**
 * Authenticates signed requests from devices; runs inside the device use case's transaction (one
 * boundary call per frame). Every failure says as little as possible to the caller: an unknown
 * device and a wrong token get the same answer.
 */
@Dependent
public class DeviceAuthenticator {

  private static final String REFUSED = "The device credentials are not valid.";

  @Inject DeviceRepository devices;

  @Inject DeviceGuard guard;

  @Inject Clock clock;

  /**
   * Checks token, timestamp window, signature, replay and rate; marks the device as seen.
   *
   * @param bodyHash hex SHA-256 of the request body, computed by the caller from the bytes it read
   * @param expectedKind the kind of device the endpoint serves
   * @return the authenticated device
   * @throws DeviceAuthenticationException missing, wrong, stale or replayed credentials (401)
   * @throws DeviceForbiddenException disabled device or wrong kind (403)
   * @throws RateLimitedException too many requests (429)
   */
  public Device authenticate(
      long deviceId, SignedRequest request, String bodyHash, DeviceKind expectedKind) {
    if (request.token() == null || request.signature() == null || request.timestamp() == null) {
      throw new DeviceAuthenticationException(
          "Device token, X-FaceGate-Timestamp and X-FaceGate-Signature are required.");
    }
    Device device =
        devices.findById(deviceId).orElseThrow(() -> new DeviceAuthenticationException(REFUSED));
    if (!DeviceTokens.constantTimeEquals(
        DeviceTokens.hash(request.token()), device.getTokenHash())) {
      throw new DeviceAuthenticationException(REFUSED);
    }
    Instant sent;
    try {
      sent = Instant.ofEpochSecond(Long.parseLong(request.timestamp().strip()));
    } catch (NumberFormatException | java.time.DateTimeException e) {
      throw new DeviceAuthenticationException(
          "X-FaceGate-Timestamp must be seconds since the epoch.");
    }
    Instant now = clock.instant();
    if (sent.isBefore(now.minus(guard.window())) || sent.isAfter(now.plus(guard.window()))) {
      throw new DeviceAuthenticationException(
          "The request timestamp is outside the " + guard.window().toSeconds() + " s window.");
    }
    String expected =
        DeviceTokens.sign(
            device.getTokenHash(),
            request.method(),
            request.path(),
            request.timestamp().strip(),
            bodyHash);
    if (!DeviceTokens.constantTimeEquals(expected, request.signature().strip())) {
      throw new DeviceAuthenticationException("The request signature is not valid.");
    }
    if (!device.isEnabled()) {
      throw new DeviceForbiddenException("This device is disabled.");
    }
    if (device.getKind() != expectedKind) {
      throw new DeviceForbiddenException("This endpoint is for " + expectedKind + " devices.");
    }
    if (!guard.firstUse(request.signature().strip())) {
      throw new DeviceAuthenticationException("This request was already received (replay).");
    }
    if (!guard.tryAcquire(device.getId())) {
      throw new RateLimitedException("Too many requests from this device; slow down.");
    }
    device.seenAt(now);
    return device;
  }
}
