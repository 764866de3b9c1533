package dev.facegate.accounts.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  private final MutableClock clock = new MutableClock();

  /** Back-off after 3 failures: 1 s, 2 s, 4 s, ... at most 10 s; locked after 6 for 30 min. */
  private final LoginThrottle throttle =
      new LoginThrottle(
          new LoginThrottle.Settings(
              3, Duration.ofSeconds(1), Duration.ofSeconds(10), 6, Duration.ofMinutes(30)),
          clock);

  @Test
  void firstFailuresAreNotSlowedDown() {
    throttle.failed("alice");
    throttle.failed("alice");

    assertThat(throttle.refusal("alice")).isEmpty();
  }

  @Test
  void backOffDoublesWithEachFailureUpToTheMaximum() {
    failTimes("alice", 3);
    assertThat(throttle.refusal("alice")).hasValueSatisfying(r -> assertThat(r.locked()).isFalse());
    clock.advance(Duration.ofMillis(999));
    assertThat(throttle.refusal("alice")).isPresent();
    clock.advance(Duration.ofMillis(1));
    assertThat(throttle.refusal("alice")).isEmpty();

    throttle.failed("alice");
    clock.advance(Duration.ofMillis(1999));
    assertThat(throttle.refusal("alice")).isPresent();
    clock.advance(Duration.ofMillis(1));
    assertThat(throttle.refusal("alice")).isEmpty();
  }

  @Test
  void backOffNeverExceedsTheMaximum() {
    LoginThrottle neverLocks =
        new LoginThrottle(
            new LoginThrottle.Settings(
                1,
                Duration.ofSeconds(1),
                Duration.ofSeconds(10),
                Integer.MAX_VALUE,
                Duration.ofMinutes(30)),
            clock);
    for (int i = 0; i < 40; i++) {
      neverLocks.failed("10.0.0.1");
    }

    assertThat(neverLocks.refusal("10.0.0.1"))
        .hasValueSatisfying(
            r -> assertThat(r.retryAt()).isEqualTo(clock.instant().plusSeconds(10)));
  }

  @Test
  void lockoutAfterTheConfiguredFailuresIsReportedOnceAndLasts() {
    assertThat(failTimes("alice", 5)).isFalse();
    assertThat(throttle.failed("alice")).as("the failure that locks").isTrue();

    clock.advance(Duration.ofMinutes(29));
    assertThat(throttle.refusal("alice")).hasValueSatisfying(r -> assertThat(r.locked()).isTrue());
    assertThat(throttle.lockedUntil("alice")).isPresent();

    clock.advance(Duration.ofMinutes(1));
    assertThat(throttle.refusal("alice")).isEmpty();
    assertThat(throttle.lockedUntil("alice")).isEmpty();
  }

  @Test
  void unlockLiftsTheLockoutAndForgetsTheFailures() {
    failTimes("alice", 6);

    assertThat(throttle.unlock("alice")).isTrue();

    assertThat(throttle.refusal("alice")).isEmpty();
    assertThat(throttle.failed("alice")).isFalse();
    assertThat(throttle.refusal("alice")).isEmpty();
  }

  @Test
  void successClearsTheFailures() {
    failTimes("alice", 3);
    clock.advance(Duration.ofSeconds(1));

    throttle.succeeded("alice");

    throttle.failed("alice");
    assertThat(throttle.refusal("alice")).isEmpty();
  }

  @Test
  void failuresAreForgottenAfterTheLockoutTime() {
    failTimes("alice", 5);
    clock.advance(Duration.ofMinutes(30));

    assertThat(throttle.failed("alice")).isFalse();
    assertThat(throttle.refusal("alice")).isEmpty();
  }

  @Test
  void keysAreComparedStrippedAndCaseInsensitive() {
    failTimes(" Alice ", 3);

    assertThat(throttle.refusal("alice")).isPresent();
    assertThat(throttle.refusal("bob")).isEmpty();
  }

  private boolean failTimes(String key, int times) {
    boolean locked = false;
    for (int i = 0; i < times; i++) {
      locked = throttle.failed(key);
    }
    return locked;
  }
}
