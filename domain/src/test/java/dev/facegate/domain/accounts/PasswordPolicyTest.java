package dev.facegate.domain.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

  @Test
  void aLongUncommonPasswordThatIsNotTheUsernamePasses() {
    assertThat(PasswordPolicy.problems("j.smith", "lantern-orbit-47".toCharArray())).isEmpty();
  }

  @Test
  void shortPasswordsAreRefused() {
    assertThat(PasswordPolicy.problems("j.smith", "Sh0rt!pass1".toCharArray()))
        .containsExactly("The password must have at least 12 characters.");
  }

  @Test
  void thePasswordMayNotContainTheUsername() {
    assertThat(PasswordPolicy.problems("j.smith", "my-J.SMITH-secret".toCharArray()))
        .containsExactly("The password must not contain the username.");
  }

  @Test
  void commonPasswordsAreRefusedWhateverTheirCase() {
    assertThat(PasswordPolicy.problems("j.smith", "Password1234".toCharArray())).hasSize(1);
    assertThat(PasswordPolicy.problems("j.smith", "abababababab".toCharArray())).hasSize(1);
  }

  @Test
  void absurdlyLongPasswordsAreRefused() {
    assertThat(PasswordPolicy.problems("j.smith", "x1".repeat(65).toCharArray()))
        .containsExactly("The password must have at most 128 characters.");
  }
}
