package dev.facegate.access.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * The two secrets of a browser kiosk, and their hashes.
 *
 * <ul>
 *   <li>The <em>pairing code</em>: 10 characters from a 32-letter alphabet without look-alikes (no
 *       0/O, 1/I), 50 bits, shown once to the administrator as {@code ABCDE-FGHJK} and typed on the
 *       kiosk; single use and short-lived, so 50 bits against a throttled endpoint is ample.
 *   <li>The <em>kiosk credential</em>: {@code fgk_<deviceId>_<256 random bits>}, held by the paired
 *       browser in an HttpOnly cookie. The device id lets the server find the device by primary key
 *       (a cached read) and then compare hashes in constant time.
 * </ul>
 *
 * The server stores only the hex SHA-256 of each: a database dump yields neither. A plain hash (no
 * salt, no stretching) is right here because both are random with enough entropy; stretching
 * protects low-entropy passwords, not random tokens.
 */
public final class KioskSecrets {

  /** The letters of a pairing code: upper case and digits without 0, O, 1 and I. */
  static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

  /** Letters in a pairing code. */
  public static final int CODE_LENGTH = 10;

  private static final String CREDENTIAL_PREFIX = "fgk_";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A parsed kiosk credential: the device it claims and the secret that proves it. */
  public record Credential(long deviceId, String secret) {}

  private KioskSecrets() {}

  /** A new pairing code, grouped for reading aloud: {@code ABCDE-FGHJK}. */
  public static String newPairingCode() {
    StringBuilder code = new StringBuilder(CODE_LENGTH + 1);
    for (int i = 0; i < CODE_LENGTH; i++) {
      if (i == CODE_LENGTH / 2) {
        code.append('-');
      }
      code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return code.toString();
  }

  /**
   * A typed pairing code in canonical form (upper case, without spaces or dashes), or empty when it
   * cannot be a code (wrong length or letters outside the alphabet).
   */
  public static Optional<String> canonicalCode(String typed) {
    if (typed == null || typed.length() > 40) {
      return Optional.empty();
    }
    String code = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    if (code.length() != CODE_LENGTH) {
      return Optional.empty();
    }
    for (int i = 0; i < code.length(); i++) {
      if (ALPHABET.indexOf(code.charAt(i)) < 0) {
        return Optional.empty();
      }
    }
    return Optional.of(code);
  }

  /** The hash stored for a pairing code: hex SHA-256 of its canonical form. */
  public static String codeHash(String canonicalCode) {
    return hash(canonicalCode);
  }

  /** A new random secret for a kiosk browser (256 bits, base64url). */
  public static String newSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The credential a kiosk browser holds. */
  public static String credential(long deviceId, String secret) {
    return CREDENTIAL_PREFIX + deviceId + "_" + secret;
  }

  /** Parses a credential; empty for anything that is not one. */
  public static Optional<Credential> parse(String credential) {
    if (credential == null
        || !credential.startsWith(CREDENTIAL_PREFIX)
        || credential.length() > 100) {
      return Optional.empty();
    }
    String rest = credential.substring(CREDENTIAL_PREFIX.length());
    int separator = rest.indexOf('_');
    if (separator < 1 || separator == rest.length() - 1) {
      return Optional.empty();
    }
    try {
      long id = Long.parseLong(rest.substring(0, separator));
      return id < 1
          ? Optional.empty()
          : Optional.of(new Credential(id, rest.substring(separator + 1)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Hex SHA-256 of a secret, as stored. */
  public static String hash(String secret) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the Java platform", e);
    }
  }

  /** Whether {@code secret} hashes to {@code storedHash}, in time independent of the contents. */
  public static boolean matches(String secret, String storedHash) {
    return storedHash != null && DeviceTokens.constantTimeEquals(hash(secret), storedHash);
  }
}
