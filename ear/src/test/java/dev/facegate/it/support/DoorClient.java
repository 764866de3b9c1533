package dev.facegate.it.support;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a door controller does, written from the protocol in the README (not from the server's
 * classes): token in {@code Authorization: Device}, HMAC-SHA256 keyed with SHA-256(token) over
 * method, path, timestamp and the body's SHA-256.
 */
public final class DoorClient {

  private final Api api;
  private final long doorId;
  private final String token;
  private Instant lastTimestamp;

  public DoorClient(Api api, long doorId, String token) {
    this.api = api;
    this.doorId = doorId;
    this.token = token;
  }

  public String token() {
    return token;
  }

  public long doorId() {
    return doorId;
  }

  public String path() {
    return "/api/v1/doors/" + doorId + "/decisions";
  }

  /** A correctly signed request sent now. */
  public Api.Reply decide(byte[] frame) {
    return decide(frame, "image/jpeg");
  }

  public Api.Reply decide(byte[] frame, String contentType) {
    return send(signed(frame, nextTimestamp(), token, contentType));
  }

  /**
   * Now, but at least one second after this door's previous request: the signature covers the
   * timestamp in seconds, so the same frame sent twice within a second would otherwise be (rightly)
   * refused as a replay. A real door adds a fresh timestamp to every frame it sends.
   */
  private synchronized Instant nextTimestamp() {
    Instant now = Instant.now();
    lastTimestamp =
        lastTimestamp != null && !now.isAfter(lastTimestamp.plusSeconds(1))
            ? lastTimestamp.plusSeconds(1)
            : now;
    return lastTimestamp;
  }

  /** A request as built, for tests that tamper with or resend it. */
  public HttpRequest signed(byte[] frame, Instant timestamp, String withToken, String contentType) {
    String ts = Long.toString(timestamp.getEpochSecond());
    String signature =
        hmac(
            sha256(withToken.getBytes(StandardCharsets.UTF_8)),
            "POST\n" + path() + "\n" + ts + "\n" + hex(sha256(frame)));
    return HttpRequest.newBuilder(api.uri(path().substring(1)))
        .timeout(Duration.ofSeconds(120))
        .header("Content-Type", contentType)
        .header("Authorization", "Device " + withToken)
        .header("X-FaceGate-Timestamp", ts)
        .header("X-FaceGate-Signature", signature)
        .POST(HttpRequest.BodyPublishers.ofByteArray(frame))
        .build();
  }

  /**
   * The signature a door sends: HMAC-SHA256 keyed with SHA-256(token) over method, path, timestamp
   * and the body's SHA-256, in hex.
   */
  public static String signature(String token, String path, String timestamp, byte[] body) {
    return hmac(
        sha256(token.getBytes(StandardCharsets.UTF_8)),
        "POST\n" + path + "\n" + timestamp + "\n" + hex(sha256(body)));
  }

  public Api.Reply send(HttpRequest request) {
    return api.send(request);
  }

  public URI uri() {
    return api.uri(path().substring(1));
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  private static String hmac(byte[] key, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return hex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
