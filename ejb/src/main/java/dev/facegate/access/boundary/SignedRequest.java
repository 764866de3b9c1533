package dev.facegate.access.boundary;

/**
 * What a device sent, as far as authentication is concerned.
 *
 * @param token the device token (from {@code Authorization: Device <token>})
 * @param timestamp seconds since the epoch (header {@code X-FaceGate-Timestamp})
 * @param signature hex HMAC (header {@code X-FaceGate-Signature})
 * @param method the HTTP method
 * @param path the request path, e.g. {@code /api/v1/doors/7/decisions}
 */
public record SignedRequest(
    String token, String timestamp, String signature, String method, String path) {}
