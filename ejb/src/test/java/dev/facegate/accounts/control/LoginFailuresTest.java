package dev.facegate.accounts.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facegate.platform.control.TestDatabases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The login throttle on the database ledger, against real PostgreSQL and H2; two throttles on one
 * database stand for two portal nodes.
 */
class LoginFailuresTest {

  /** Back-off after 3 failures: 1 s, 2 s, ... at most 10 s; locked after 6 for 30 min. */
  private static final LoginThrottle.Settings SETTINGS =
      new LoginThrottle.Settings(
          3, Duration.ofSeconds(1), Duration.ofSeconds(10), 6, Duration.ofMinutes(30));

  private final MutableClock clock = new MutableClock();

  private LoginThrottle node(DataSource database) {
    return new LoginThrottle(SETTINGS, clock, new LoginFailures(database, "account"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "h2"})
  void failuresOnOneNodeSlowDownAndLockTheOther(String vendor) {
    DataSource database = TestDatabases.named(vendor);
    LoginThrottle nodeA = node(database);
    LoginThrottle nodeB = node(database);
    String name = "Alice-" + UUID.randomUUID();

    nodeA.failed(name);
    nodeB.failed(name);
    assertThat(nodeA.refusal(name)).isEmpty();
    nodeA.failed(" " + name.toUpperCase() + " ");
    assertThat(nodeB.refusal(name)).as("third failure, counted on either node").isPresent();
    clock.advance(Duration.ofSeconds(1));
    assertThat(nodeB.refusal(name)).isEmpty();

    assertThat(nodeB.failed(name)).isFalse();
    assertThat(nodeA.failed(name)).isFalse();
    assertThat(nodeB.failed(name)).as("the sixth failure locks, once").isTrue();
    assertThat(nodeA.lockedUntil(name)).isPresent();
    assertThat(nodeA.refusal(name)).hasValueSatisfying(r -> assertThat(r.locked()).isTrue());

    assertThat(nodeA.unlock(name)).isTrue();
    assertThat(nodeB.lockedUntil(name)).isEmpty();
    assertThat(nodeB.refusal(name)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "h2"})
  void concurrentFailuresOnTwoNodesAreAllCountedAndLockOnce(String vendor) throws Exception {
    DataSource database = TestDatabases.named(vendor);
    List<LoginThrottle> nodes = List.of(node(database), node(database));
    String name = "spray-" + UUID.randomUUID();
    int threads = 12;

    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<Boolean>> lockedNow = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      LoginThrottle node = nodes.get(t % 2);
      lockedNow.add(
          pool.submit(
              () -> {
                start.await();
                return node.failed(name);
              }));
    }
    start.countDown();
    int locks = 0;
    for (Future<Boolean> each : lockedNow) {
      locks += each.get() ? 1 : 0;
    }
    pool.shutdown();

    assertThat(locks).as("exactly the sixth of 12 concurrent failures locked").isEqualTo(1);
    LoginFailures ledger = new LoginFailures(database, "account");
    assertThat(ledger.find(name.toLowerCase()).count()).isEqualTo(threads);
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "h2"})
  void purgeDeletesOnlyForgottenFailures(String vendor) {
    DataSource database = TestDatabases.named(vendor);
    LoginFailures ledger = new LoginFailures(database, "address");
    LoginThrottle throttle = new LoginThrottle(SETTINGS, clock, ledger);
    String old = "10.0.0." + UUID.randomUUID();
    String recent = "10.0.1." + UUID.randomUUID();
    throttle.failed(old);
    clock.advance(Duration.ofMinutes(20));
    throttle.failed(recent);
    clock.advance(Duration.ofMinutes(11));

    assertThat(ledger.purge(clock.instant(), SETTINGS.lockout())).isGreaterThanOrEqualTo(1);

    assertThat(ledger.find(old)).isNull();
    assertThat(ledger.find(recent)).isNotNull();
  }
}
