package dev.facegate.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

  // A low work factor keeps the test fast; the format and the check are the same.
  private final PasswordHasher hasher = new PasswordHasher(1_000);

  @Test
  void theRightPasswordMatchesAndAWrongOneDoesNot() {
    String hash = hasher.hash("correct horse battery staple".toCharArray());

    assertThat(hasher.matches("correct horse battery staple".toCharArray(), hash)).isTrue();
    assertThat(hasher.matches("correct horse battery stapl".toCharArray(), hash)).isFalse();
  }

  @Test
  void hashesAreSaltedAndNeverContainThePassword() {
    String first = hasher.hash("s3cret-password".toCharArray());
    String second = hasher.hash("s3cret-password".toCharArray());

    assertThat(first)
        .isNotEqualTo(second)
        .doesNotContain("s3cret")
        .startsWith("pbkdf2-sha256$1000$");
  }

  @Test
  void theIterationCountIsReadFromTheStoredHash() {
    String storedWithOtherWorkFactor = new PasswordHasher(2_000).hash("pw".toCharArray());

    assertThat(hasher.matches("pw".toCharArray(), storedWithOtherWorkFactor)).isTrue();
  }

  @Test
  void malformedStoredHashesNeverMatch() {
    assertThat(hasher.matches("pw".toCharArray(), null)).isFalse();
    assertThat(hasher.matches("pw".toCharArray(), "")).isFalse();
    assertThat(hasher.matches("pw".toCharArray(), "pbkdf2-sha256$x$y$z")).isFalse();
    assertThat(hasher.matches("pw".toCharArray(), "md5$1$abc$def")).isFalse();
    assertThat(hasher.matches("pw".toCharArray(), "pbkdf2-sha256$0$AAAA$AAAA")).isFalse();
  }
}
