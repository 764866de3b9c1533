package dev.facegate.access.control;

import dev.facegate.access.control.StructuredFields.Item;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;

/**
 * The {@code Content-Digest} field of RFC 9530: a dictionary of algorithm to byte sequence. The
 * door protocol requires {@code sha-256}; other algorithms in the field are ignored (the SHA-256
 * one is checked, which is enough to bind the body).
 */
public final class ContentDigests {

  private static final int SHA_256_BYTES = 32;

  private ContentDigests() {}

  /**
   * The declared SHA-256 of the content.
   *
   * @throws IllegalArgumentException not a dictionary, no {@code sha-256} member, or not 32 bytes
   */
  public static byte[] declaredSha256(String contentDigest) {
    Map<String, Object> digests = StructuredFields.parseDictionary(contentDigest);
    if (!(digests.get("sha-256") instanceof Item item)
        || !(item.value() instanceof byte[] bytes)
        || bytes.length != SHA_256_BYTES) {
      throw new IllegalArgumentException("Content-Digest needs sha-256=:<32 bytes in base64>:");
    }
    return bytes.clone();
  }

  /** SHA-256 of the content. */
  public static byte[] sha256(byte[] content) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(content);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the Java platform", e);
    }
  }

  /** Compares the body's digest with the declared one in constant time. */
  public static boolean matches(byte[] content, byte[] declaredSha256) {
    return MessageDigest.isEqual(sha256(content), declaredSha256);
  }
}
