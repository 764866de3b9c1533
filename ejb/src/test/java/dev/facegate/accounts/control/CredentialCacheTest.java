package dev.facegate.accounts.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CredentialCacheTest {

  private final MutableClock clock = new MutableClock();
  private final CredentialCache cache = new CredentialCache(Duration.ofSeconds(60), clock);

  @Test
  void remembersVerifiedCredentialsWithTheirStoredHash() {
    cache.remember("alice", "correct horse".toCharArray(), "hash-1");

    assertThat(cache.verifiedHash("alice", "correct horse".toCharArray())).hasValue("hash-1");
  }

  @Test
  void anotherPasswordOrUserIsNotRemembered() {
    cache.remember("alice", "correct horse".toCharArray(), "hash-1");

    assertThat(cache.verifiedHash("alice", "wrong horse".toCharArray())).isEmpty();
    assertThat(cache.verifiedHash("bob", "correct horse".toCharArray())).isEmpty();
    // The separator keeps the username and the password apart.
    assertThat(cache.verifiedHash("alicec", "orrect horse".toCharArray())).isEmpty();
  }

  @Test
  void entriesExpire() {
    cache.remember("alice", "correct horse".toCharArray(), "hash-1");
    clock.advance(Duration.ofSeconds(59));
    assertThat(cache.verifiedHash("alice", "correct horse".toCharArray())).isPresent();

    clock.advance(Duration.ofSeconds(1));
    assertThat(cache.verifiedHash("alice", "correct horse".toCharArray())).isEmpty();
  }

  @Test
  void zeroTimeToLiveTurnsTheCacheOff() {
    CredentialCache off = new CredentialCache(Duration.ZERO, clock);
    off.remember("alice", "correct horse".toCharArray(), "hash-1");

    assertThat(off.verifiedHash("alice", "correct horse".toCharArray())).isEmpty();
  }
}
