package dev.facegate.accounts.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Personal API tokens: 256 random bits with a recognisable prefix (so secret scanners and people
 * can tell them apart from device tokens), stored as hex SHA-256. A fast hash is enough because
 * there is nothing to guess: the work of a slow hash protects low-entropy passwords only.
 */
public final class ApiTokenSecrets {

  /** Prefix of every personal API token. */
  public static final String PREFIX = "fgt_";

  private static final SecureRandom RANDOM = new SecureRandom();

  private ApiTokenSecrets() {}

  /** A new random token, shown to its owner once. */
  public static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** What the database stores: hex SHA-256 of the token. */
  public static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the Java platform", e);
    }
  }
}
