package dev.facegate.access.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DeviceTokensTest {

  @Test
  void tokensAreRandomPrefixedAndHashedToSha256Hex() {
    String token = DeviceTokens.newToken();

    assertThat(token)
        .startsWith("fgd_")
        .hasSizeGreaterThan(40)
        .isNotEqualTo(DeviceTokens.newToken());
    assertThat(DeviceTokens.hash(token)).hasSize(64).matches("[0-9a-f]+").doesNotContain(token);
  }

  @Test
  void signatureMatchesAnIndependentHmacComputation() {
    // Known answer: key = SHA-256("fgd_test"), message as documented in DeviceTokens.
    String tokenHash = DeviceTokens.hash("fgd_test");
    String bodyHash = DeviceTokens.bodyHash("frame".getBytes(StandardCharsets.UTF_8));

    String signature =
        DeviceTokens.sign(tokenHash, "POST", "/api/v1/doors/7/decisions", "1700000000", bodyHash);

    assertThat(bodyHash).isEqualTo(sha256Hex("frame"));
    assertThat(signature)
        .isEqualTo(
            hmacHex(
                sha256("fgd_test"), "POST\n/api/v1/doors/7/decisions\n1700000000\n" + bodyHash));
    assertThat(signature).hasSize(64);
    assertThat(
            DeviceTokens.sign(
                tokenHash, "POST", "/api/v1/doors/8/decisions", "1700000000", bodyHash))
        .isNotEqualTo(signature);
    assertThat(
            DeviceTokens.sign(
                tokenHash, "POST", "/api/v1/doors/7/decisions", "1700000001", bodyHash))
        .isNotEqualTo(signature);
    assertThat(
            DeviceTokens.sign(
                DeviceTokens.hash("fgd_other"),
                "POST",
                "/api/v1/doors/7/decisions",
                "1700000000",
                bodyHash))
        .isNotEqualTo(signature);
  }

  private static byte[] sha256(String text) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sha256Hex(String text) {
    return java.util.HexFormat.of().formatHex(sha256(text));
  }

  private static String hmacHex(byte[] key, String message) {
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
      return java.util.HexFormat.of()
          .formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void constantTimeComparisonIgnoresHexCaseAndRefusesNull() {
    assertThat(DeviceTokens.constantTimeEquals("ABCDEF", "abcdef")).isTrue();
    assertThat(DeviceTokens.constantTimeEquals("abcdef", "abcdee")).isFalse();
    assertThat(DeviceTokens.constantTimeEquals(null, "abc")).isFalse();
  }
}
