package dev.facegate.access.control;

import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Device public keys: Ed25519 keys in X.509 SubjectPublicKeyInfo form, pasted by an administrator
 * as PEM ({@code openssl pkey -pubout}) or bare base64, stored as base64 of the DER bytes.
 */
public final class DeviceKeys {

  private static final String PEM_BEGIN = "-----BEGIN PUBLIC KEY-----";
  private static final String PEM_END = "-----END PUBLIC KEY-----";

  private DeviceKeys() {}

  /**
   * The stored form of a pasted key, after checking that it is an Ed25519 public key.
   *
   * @throws IllegalArgumentException anything else: another algorithm, a private key, not base64
   */
  public static String normalize(String pasted) {
    if (pasted == null || pasted.isBlank()) {
      throw new IllegalArgumentException("The public key is empty.");
    }
    String text = pasted.strip();
    if (text.startsWith(PEM_BEGIN)) {
      int end = text.indexOf(PEM_END);
      if (end < 0) {
        throw new IllegalArgumentException("The PEM block has no END line.");
      }
      text = text.substring(PEM_BEGIN.length(), end);
    }
    text = text.replaceAll("\\s", "");
    byte[] der;
    try {
      der = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("The public key is not base64 or PEM.", e);
    }
    return Base64.getEncoder().encodeToString(parse(der).getEncoded());
  }

  /** The key object of a stored key. */
  public static PublicKey decode(String stored) {
    return parse(Base64.getDecoder().decode(stored));
  }

  private static PublicKey parse(byte[] der) {
    try {
      PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
      if (!key.getAlgorithm().equals("EdDSA") && !key.getAlgorithm().equals("Ed25519")) {
        throw new IllegalArgumentException("The public key is not an Ed25519 key.");
      }
      return key;
    } catch (java.security.spec.InvalidKeySpecException e) {
      throw new IllegalArgumentException(
          "The public key is not an Ed25519 key in X.509 SubjectPublicKeyInfo form.", e);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("Ed25519 is required by the Java platform (21+)", e);
    }
  }
}
