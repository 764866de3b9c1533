package dev.facegate.access.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KioskSecretsTest {

  @Test
  void pairingCodesAreTenLettersOfTheAlphabetInTwoGroups() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      String code = KioskSecrets.newPairingCode();
      assertThat(code).matches("[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}");
      seen.add(code);
    }
    assertThat(seen).hasSize(200);
  }

  @Test
  void aTypedCodeIsReadWhateverItsCaseSpacesAndDashes() {
    assertThat(KioskSecrets.canonicalCode(" abcde fghjk ")).contains("ABCDEFGHJK");
    assertThat(KioskSecrets.canonicalCode("ABCDE-FGHJK")).contains("ABCDEFGHJK");
    assertThat(KioskSecrets.canonicalCode("ABCDE-FGHJ")).isEmpty();
    assertThat(KioskSecrets.canonicalCode("ABCDE-FGHJ0")).as("0 is not in the alphabet").isEmpty();
    assertThat(KioskSecrets.canonicalCode(null)).isEmpty();
    assertThat(KioskSecrets.codeHash("ABCDEFGHJK"))
        .isEqualTo(KioskSecrets.codeHash(KioskSecrets.canonicalCode("abcde-fghjk").orElseThrow()))
        .hasSize(64);
  }

  @Test
  void aCredentialNamesItsDeviceAndMatchesOnlyItsOwnHash() {
    String secret = KioskSecrets.newSecret();
    String credential = KioskSecrets.credential(42, secret);

    KioskSecrets.Credential parsed = KioskSecrets.parse(credential).orElseThrow();

    assertThat(parsed.deviceId()).isEqualTo(42);
    assertThat(KioskSecrets.matches(parsed.secret(), KioskSecrets.hash(secret))).isTrue();
    assertThat(KioskSecrets.matches(parsed.secret(), KioskSecrets.hash(secret + "x"))).isFalse();
    assertThat(KioskSecrets.matches(parsed.secret(), null)).isFalse();
    assertThat(secret).hasSizeGreaterThanOrEqualTo(43);
  }

  @Test
  void anythingElseIsNotACredential() {
    assertThat(KioskSecrets.parse(null)).isEmpty();
    assertThat(KioskSecrets.parse("fgk_")).isEmpty();
    assertThat(KioskSecrets.parse("fgk_12")).isEmpty();
    assertThat(KioskSecrets.parse("fgk_12_")).isEmpty();
    assertThat(KioskSecrets.parse("fgk_x_abc")).isEmpty();
    assertThat(KioskSecrets.parse("fgk_0_abc")).isEmpty();
    assertThat(KioskSecrets.parse("fgd_12_abc")).isEmpty();
  }
}
