package dev.facegate.access.control;

import java.time.Instant;

/**
 * A door request whose headers are authenticated, waiting for its body.
 *
 * @param deviceId the authenticated device
 * @param issuedAt when the headers were accepted
 * @param declaredSha256 the body digest the signature covers (RFC 9421 devices); null for legacy
 * @param legacy the legacy signature to check over the body (legacy devices); null otherwise
 */
public record PendingRequest(
    long deviceId, Instant issuedAt, byte[] declaredSha256, LegacySignature legacy) {

  /**
   * What the legacy HMAC covers besides the body.
   *
   * @param method the HTTP method
   * @param path the request path
   * @param timestamp seconds since the epoch, as sent
   * @param signature the hex HMAC the device sent
   */
  public record LegacySignature(String method, String path, String timestamp, String signature) {}
}
