package dev.facegate.access.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.facegate.access.control.HttpSignatures.SignatureEntry;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HttpSignaturesTest {

  /** RFC 9421 Appendix B.1.4, test-key-ed25519. */
  static final String RFC_PRIVATE_KEY =
      "MC4CAQAwBQYDK2VwBCIEIJ+DYvh6SEqVTm50DFtMDoQikTmiCqirVv9mWG9qfSnF";

  static final String RFC_PUBLIC_KEY =
      "MCowBQYDK2VwAyEAJrQLj5P/89iXES9+vFgrIy29clF9CC/oPPsw3c5D0bs=";

  private static final String B26_INPUT =
      "sig-b26=(\"date\" \"@method\" \"@path\" \"@authority\" \"content-type\""
          + " \"content-length\");created=1618884473;keyid=\"test-key-ed25519\"";
  private static final String B26_SIGNATURE =
      "sig-b26=:wqcAqbmYJ2ji2glfAMaRy4gruYYnx2nEFN2HN6jrnDnQCK1u02Gb04v9EDgwUPiu4A0w6vuQv5lIp5WPpBKRCw==:";

  /** The request of RFC 9421 Appendix B.2: POST /foo?param=Value&Pet=dog to example.com. */
  private static final HttpSignatures.Message RFC_REQUEST =
      message(
          "POST",
          "/foo",
          "example.com",
          Map.of(
              "date", "Tue, 20 Apr 2021 02:07:55 GMT",
              "content-type", "application/json",
              "content-length", "18"));

  @Test
  void rebuildsTheSignatureBaseOfRfc9421AppendixB26() {
    SignatureEntry entry = HttpSignatures.entries(B26_INPUT, B26_SIGNATURE).get(0);

    assertThat(HttpSignatures.signatureBase(RFC_REQUEST, entry.covered()))
        .isEqualTo(
            String.join(
                "\n",
                "\"date\": Tue, 20 Apr 2021 02:07:55 GMT",
                "\"@method\": POST",
                "\"@path\": /foo",
                "\"@authority\": example.com",
                "\"content-type\": application/json",
                "\"content-length\": 18",
                "\"@signature-params\": (\"date\" \"@method\" \"@path\" \"@authority\""
                    + " \"content-type\" \"content-length\");created=1618884473"
                    + ";keyid=\"test-key-ed25519\""));
  }

  @Test
  void verifiesTheEd25519SignatureOfRfc9421AppendixB26AndReproducesIt() throws Exception {
    SignatureEntry entry = HttpSignatures.entries(B26_INPUT, B26_SIGNATURE).get(0);
    String base = HttpSignatures.signatureBase(RFC_REQUEST, entry.covered());
    PublicKey key = DeviceKeys.decode(RFC_PUBLIC_KEY);

    assertThat(entry.label()).isEqualTo("sig-b26");
    assertThat(HttpSignatures.verifyEd25519(key, base, entry.signature())).isTrue();
    // Ed25519 is deterministic: signing the base with the RFC's private key gives its signature.
    assertThat(sign(rfcPrivateKey(), base)).isEqualTo(entry.signature());
    // One changed byte of the base, or another key, and it fails.
    assertThat(HttpSignatures.verifyEd25519(key, base.replace("/foo", "/fop"), entry.signature()))
        .isFalse();
    KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    assertThat(HttpSignatures.verifyEd25519(other.getPublic(), base, entry.signature())).isFalse();
  }

  @Test
  void theDoorsBaseCoversMethodPathAndDeclaredDigest() {
    String input = "door=(\"@method\" \"@path\" \"content-digest\");created=1700000000;keyid=\"7\"";
    SignatureEntry entry = HttpSignatures.entries(input, "door=:AAAA:").get(0);
    HttpSignatures.Message door =
        message(
            "POST",
            "/api/v1/doors/7/decisions",
            "",
            Map.of("content-digest", "sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:"));

    assertThat(HttpSignatures.signatureBase(door, entry.covered()))
        .isEqualTo(
            "\"@method\": POST\n"
                + "\"@path\": /api/v1/doors/7/decisions\n"
                + "\"content-digest\": sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:\n"
                + "\"@signature-params\": "
                + input.substring("door=".length()));
    assertThat(entry.parameter("keyid")).contains("7");
    assertThat(entry.parameter("created")).contains(1700000000L);
  }

  @Test
  void refusesMalformedOrUnsupportedSignatures() {
    // No Signature member of the same label.
    assertThatIllegalArgumentException()
        .isThrownBy(() -> HttpSignatures.entries("a=(\"@method\")", "b=:AAAA:"));
    // A member that is not an inner list; a component with parameters; one covered twice.
    assertThatIllegalArgumentException()
        .isThrownBy(() -> HttpSignatures.entries("a=\"@method\"", "a=:AAAA:"));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> HttpSignatures.entries("a=(\"content-digest\";sf)", "a=:AAAA:"));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> HttpSignatures.entries("a=(\"@path\" \"@path\")", "a=:AAAA:"));
    // A component the request lacks, or one this verifier does not know.
    SignatureEntry missing = HttpSignatures.entries("a=(\"content-digest\")", "a=:AAAA:").get(0);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> HttpSignatures.signatureBase(RFC_REQUEST, missing.covered()));
    SignatureEntry unknown = HttpSignatures.entries("a=(\"@query\")", "a=:AAAA:").get(0);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> HttpSignatures.signatureBase(RFC_REQUEST, unknown.covered()));
  }

  @Test
  void aContentDigestIsCheckedAgainstTheBody() {
    // RFC 9530 section 2: {"hello": "world"}
    byte[] body = "{\"hello\": \"world\"}".getBytes(StandardCharsets.UTF_8);
    byte[] declared =
        ContentDigests.declaredSha256("sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:");

    assertThat(ContentDigests.matches(body, declared)).isTrue();
    assertThat(ContentDigests.matches("{\"hello\": \"World\"}".getBytes(), declared)).isFalse();
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ContentDigests.declaredSha256("sha-512=:AAAA:"));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ContentDigests.declaredSha256("sha-256=:AAAA:"));
  }

  @Test
  void publicKeysArePastedAsPemOrBase64AndMustBeEd25519() throws Exception {
    String pem = "-----BEGIN PUBLIC KEY-----\n" + RFC_PUBLIC_KEY + "\n-----END PUBLIC KEY-----\n";

    assertThat(DeviceKeys.normalize(pem)).isEqualTo(RFC_PUBLIC_KEY);
    assertThat(DeviceKeys.normalize("  " + RFC_PUBLIC_KEY + "\n")).isEqualTo(RFC_PUBLIC_KEY);
    String rsa =
        Base64.getEncoder()
            .encodeToString(
                KeyPairGenerator.getInstance("RSA").generateKeyPair().getPublic().getEncoded());
    assertThatIllegalArgumentException().isThrownBy(() -> DeviceKeys.normalize(rsa));
    assertThatIllegalArgumentException().isThrownBy(() -> DeviceKeys.normalize(RFC_PRIVATE_KEY));
    assertThatIllegalArgumentException().isThrownBy(() -> DeviceKeys.normalize("not a key!"));
    assertThatIllegalArgumentException().isThrownBy(() -> DeviceKeys.normalize(" "));
  }

  static PrivateKey rfcPrivateKey() throws Exception {
    return KeyFactory.getInstance("Ed25519")
        .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(RFC_PRIVATE_KEY)));
  }

  static byte[] sign(PrivateKey key, String base) throws Exception {
    Signature signer = Signature.getInstance("Ed25519");
    signer.initSign(key);
    signer.update(base.getBytes(StandardCharsets.US_ASCII));
    return signer.sign();
  }

  static HttpSignatures.Message message(
      String method, String path, String authority, Map<String, String> fields) {
    return new HttpSignatures.Message() {
      @Override
      public String method() {
        return method;
      }

      @Override
      public String path() {
        return path;
      }

      @Override
      public String authority() {
        return authority;
      }

      @Override
      public Optional<String> field(String name) {
        return Optional.ofNullable(fields.get(name));
      }
    };
  }
}
