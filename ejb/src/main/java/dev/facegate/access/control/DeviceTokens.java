package dev.facegate.access.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Device credentials and request signatures.
 *
 * <p>A device holds a random 256-bit token. The server stores only {@code SHA-256(token)}. Each
 * request carries the token and an HMAC-SHA256 signature keyed with {@code SHA-256(token)} over
 *
 * <pre>
 * METHOD "\n" PATH "\n" TIMESTAMP "\n" hex(SHA-256(body))
 * </pre>
 *
 * so the signature binds the request to its method, door, time and exact body. Presenting the token
 * proves possession of the preimage, which a stolen database does not give; the timestamp window
 * and the replay cache stop a captured request from being sent again.
 */
public final class DeviceTokens {

  private static final String PREFIX = "fgd_";
  private static final SecureRandom RANDOM = new SecureRandom();

  private DeviceTokens() {}

  /** A new random token, shown to the administrator once. */
  public static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** What the database stores: hex SHA-256 of the token. */
  public static String hash(String token) {
    return HexFormat.of().formatHex(sha256(token.getBytes(StandardCharsets.UTF_8)));
  }

  /** Hex SHA-256 of a request body. */
  public static String bodyHash(byte[] body) {
    return HexFormat.of().formatHex(sha256(body));
  }

  /** The signature a device computes, as lowercase hex. */
  public static String sign(
      String tokenHashHex, String method, String path, String timestamp, String bodyHashHex) {
    String canonical = method + "\n" + path + "\n" + timestamp + "\n" + bodyHashHex;
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(HexFormat.of().parseHex(tokenHashHex), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required by the Java platform", e);
    }
  }

  /** Compares two hex strings in time independent of where they differ. */
  public static boolean constantTimeEquals(String a, String b) {
    if (a == null || b == null) {
      return false;
    }
    return MessageDigest.isEqual(
        a.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII),
        b.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the Java platform", e);
    }
  }
}
