package dev.facegate.it.support;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a door controller does, written from the protocol in docs/api.md (not from the server's
 * classes): it holds an Ed25519 key pair and signs each request with HTTP Message Signatures (RFC
 * 9421) over {@code "@method" "@path" "content-digest"} with {@code created}, {@code keyid} = its
 * device id and a random {@code nonce}, declaring the body's SHA-256 in {@code Content-Digest} (RFC
 * 9530). A legacy door instead sends its token and an HMAC keyed with SHA-256(token).
 */
public final class DoorClient {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Api api;
  private final long doorId;
  private final KeyPair keys;
  private final String token;

  private DoorClient(Api api, long doorId, KeyPair keys, String token) {
    this.api = api;
    this.doorId = doorId;
    this.keys = keys;
    this.token = token;
  }

  /** A door that signs with its own key. */
  public static DoorClient withKey(Api api, long doorId, KeyPair keys) {
    return new DoorClient(api, doorId, keys, null);
  }

  /**
   * The same door (id and credential) talking to another server of the site, e.g. a second portal.
   */
  public DoorClient on(Api other) {
    return new DoorClient(other, doorId, keys, token);
  }

  /** A legacy door on the token scheme. */
  public static DoorClient legacy(Api api, long doorId, String token) {
    return new DoorClient(api, doorId, null, token);
  }

  /** A fresh Ed25519 key pair, as a door generates it. */
  public static KeyPair newKeyPair() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The public key as an administrator pastes it: base64 of the X.509 SubjectPublicKeyInfo. */
  public static String publicKeyText(KeyPair keys) {
    return Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
  }

  public boolean isLegacy() {
    return token != null;
  }

  public String token() {
    return token;
  }

  public PrivateKey privateKey() {
    return keys.getPrivate();
  }

  public long doorId() {
    return doorId;
  }

  public String path() {
    return path(doorId);
  }

  public static String path(long doorId) {
    return "/api/v1/doors/" + doorId + "/decisions";
  }

  /** A correctly signed request sent now. */
  public Api.Reply decide(byte[] frame) {
    return decide(frame, "image/jpeg");
  }

  public Api.Reply decide(byte[] frame, String contentType) {
    return send(
        isLegacy()
            ? signedLegacy(frame, nextTimestamp(), token, contentType)
            : signed(frame, Instant.now(), keys.getPrivate(), contentType));
  }

  /**
   * A burst sent now: the frames as one {@code multipart/form-data} body, signed over {@code
   * "@method" "@path" "content-digest" "content-type"} (a burst's boundary must be signed).
   */
  public Api.Reply decideBurst(List<byte[]> frames) {
    String boundary = "burst-" + HexFormat.of().formatHex(randomBytes(12));
    return send(signedBurst(multipart(boundary, frames), boundary, true));
  }

  /**
   * A signed burst request with the given multipart body; {@code coverContentType} false signs it
   * as a single frame is signed (without content-type), which the server must refuse.
   */
  public HttpRequest signedBurst(byte[] body, String boundary, boolean coverContentType) {
    String contentType = "multipart/form-data; boundary=" + boundary;
    Map<String, String> headers =
        coverContentType
            ? signatureHeaders(doorId, sha256(body), Instant.now(), keys.getPrivate(), contentType)
            : signatureHeaders(doorId, sha256(body), Instant.now(), keys.getPrivate());
    return signed(HttpRequest.BodyPublishers.ofByteArray(body), headers, contentType);
  }

  /** A {@code multipart/form-data} body with one part named {@code frame} per frame. */
  public static byte[] multipart(String boundary, List<byte[]> frames) {
    return multipart(boundary, frames, "image/jpeg");
  }

  /** The same with another part content type (for tests of what the server refuses). */
  public static byte[] multipart(String boundary, List<byte[]> frames, String partType) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < frames.size(); i++) {
      out.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\"frame\"; filename=\"frame"
                  + i
                  + ".jpg\"\r\nContent-Type: "
                  + partType
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.writeBytes(frames.get(i));
      out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  /** A request signed with a key (RFC 9421), for tests that tamper with or resend it. */
  public HttpRequest signed(byte[] frame, Instant created, PrivateKey key, String contentType) {
    return signed(
        HttpRequest.BodyPublishers.ofByteArray(frame),
        signatureHeaders(doorId, sha256(frame), created, key),
        contentType);
  }

  /** A request with the given body publisher and signature headers (e.g. a streamed body). */
  public HttpRequest signed(
      HttpRequest.BodyPublisher body, Map<String, String> headers, String contentType) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri())
            .timeout(Duration.ofSeconds(120))
            .header("Content-Type", contentType)
            .POST(body);
    headers.forEach(request::header);
    return request.build();
  }

  /**
   * The three headers a door sends: {@code Content-Digest}, {@code Signature-Input} and {@code
   * Signature}, over {@code "@method" "@path" "content-digest"}.
   */
  public static Map<String, String> signatureHeaders(
      long doorId, byte[] bodySha256, Instant created, PrivateKey key) {
    return signatureHeaders(doorId, bodySha256, created, key, null);
  }

  /**
   * The signature headers, also covering {@code content-type} when it is given (a burst): its value
   * is signed exactly as the request sends it.
   */
  public static Map<String, String> signatureHeaders(
      long doorId, byte[] bodySha256, Instant created, PrivateKey key, String contentType) {
    byte[] nonce = randomBytes(12);
    String digest = "sha-256=:" + Base64.getEncoder().encodeToString(bodySha256) + ":";
    String params =
        (contentType == null
                ? "(\"@method\" \"@path\" \"content-digest\")"
                : "(\"@method\" \"@path\" \"content-digest\" \"content-type\")")
            + ";created="
            + created.getEpochSecond()
            + ";keyid=\""
            + doorId
            + "\";nonce=\""
            + HexFormat.of().formatHex(nonce)
            + "\"";
    String base =
        "\"@method\": POST\n"
            + "\"@path\": "
            + path(doorId)
            + "\n"
            + "\"content-digest\": "
            + digest
            + "\n"
            + (contentType == null ? "" : "\"content-type\": " + contentType + "\n")
            + "\"@signature-params\": "
            + params;
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Digest", digest);
    headers.put("Signature-Input", "door=" + params);
    headers.put("Signature", "door=:" + Base64.getEncoder().encodeToString(sign(key, base)) + ":");
    return headers;
  }

  /** A legacy request: token, timestamp and HMAC-SHA256 keyed with SHA-256(token). */
  public HttpRequest signedLegacy(
      byte[] frame, Instant timestamp, String withToken, String contentType) {
    String ts = Long.toString(timestamp.getEpochSecond());
    return HttpRequest.newBuilder(uri())
        .timeout(Duration.ofSeconds(120))
        .header("Content-Type", contentType)
        .header("Authorization", "Device " + withToken)
        .header("X-FaceGate-Timestamp", ts)
        .header("X-FaceGate-Signature", legacySignature(withToken, path(), ts, frame))
        .POST(HttpRequest.BodyPublishers.ofByteArray(frame))
        .build();
  }

  private Instant lastTimestamp;

  /**
   * Legacy only: now, but at least one second after this door's previous request, since the legacy
   * signature has no nonce and the same frame twice within a second would be (rightly) a replay.
   */
  private synchronized Instant nextTimestamp() {
    Instant now = Instant.now();
    lastTimestamp =
        lastTimestamp != null && !now.isAfter(lastTimestamp.plusSeconds(1))
            ? lastTimestamp.plusSeconds(1)
            : now;
    return lastTimestamp;
  }

  /** The legacy signature: hex HMAC-SHA256(SHA-256(token), method, path, timestamp, body hash). */
  public static String legacySignature(String token, String path, String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(sha256(token.getBytes(StandardCharsets.UTF_8)), "HmacSHA256"));
      String message = "POST\n" + path + "\n" + timestamp + "\n" + hex(sha256(body));
      return hex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public Api.Reply send(HttpRequest request) {
    return api.send(request);
  }

  public URI uri() {
    return api.uri(path().substring(1));
  }

  public static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  private static byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  private static byte[] sign(PrivateKey key, String base) {
    try {
      Signature signer = Signature.getInstance("Ed25519");
      signer.initSign(key);
      signer.update(base.getBytes(StandardCharsets.US_ASCII));
      return signer.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
