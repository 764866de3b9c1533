package dev.facegate.access.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facegate.access.control.DeviceLedger.RateLimit;
import dev.facegate.platform.control.TestDatabases;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shared door guards against real PostgreSQL and H2. Two {@link DeviceLedger} instances on one
 * database stand for two portal nodes: whatever one has seen or taken, the other sees.
 */
class DeviceLedgerTest {

  private static final Instant NOW = Instant.parse("2026-12-01T06:00:00Z");

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "h2"})
  void aSignatureIsAcceptedOnceOnAnyNode(String vendor) {
    DataSource database = TestDatabases.named(vendor);
    DeviceLedger nodeA = new DeviceLedger(database);
    DeviceLedger nodeB = new DeviceLedger(database);
    String signature = "sig-" + UUID.randomUUID();

    assertThat(nodeA.firstUse(signature, NOW)).isTrue();
    assertThat(nodeB.firstUse(signature, NOW.plusSeconds(1))).as("replay on node B").isFalse();
    assertThat(nodeA.firstUse(signature.toUpperCase(), NOW)).as("same, other case").isFalse();
    assertThat(nodeB.firstUse(signature + "x", NOW)).as("another signature").isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "h2"})
  void aBucketAllowsTheBurstThenTheSustainedRate(String vendor) {
    DeviceLedger ledger = new DeviceLedger(TestDatabases.named(vendor));
    String key = "device:" + UUID.randomUUID();
    RateLimit limit = new RateLimit(3, 2);

    assertThat(ledger.hasToken(key, limit, 0)).as("a new bucket is full").isTrue();
    assertThat(ledger.tryAcquire(key, limit, 0)).isTrue();
    assertThat(ledger.tryAcquire(key, limit, 0)).isTrue();
    assertThat(ledger.tryAcquire(key, limit, 0)).isTrue();
    assertThat(ledger.tryAcquire(key, limit, 0)).isFalse();
    assertThat(ledger.hasToken(key, limit, 0)).isFalse();
    assertThat(ledger.tryAcquire(key, limit, 499)).isFalse();
    assertThat(ledger.tryAcquire(key, limit, 500))
        .as("2 per second: one more after 500 ms")
        .isTrue();
    assertThat(ledger.tryAcquire(key, limit, 500)).isFalse();
    assertThat(ledger.hasToken(key, limit, 10_000)).as("refilled, never above the burst").isTrue();
    assertThat(ledger.tryAcquire(key, limit, 10_000)).isTrue();
    assertThat(ledger.tryAcquire(key, limit, 10_000)).isTrue();
    assertThat(ledger.tryAcquire(key, limit, 10_000)).isTrue();
    assertThat(ledger.tryAcquire(key, limit, 10_000)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "h2"})
  void theLimitIsExactUnderConcurrencyOnTwoNodes(String vendor) throws Exception {
    DataSource database = TestDatabases.named(vendor);
    List<DeviceLedger> nodes = List.of(new DeviceLedger(database), new DeviceLedger(database));
    // A fresh key: the first requests also race to create the bucket's row.
    String key = "device:" + UUID.randomUUID();
    RateLimit limit = new RateLimit(25, 0.001);
    int threads = 16;
    int attemptsEach = 10;

    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<Integer>> granted = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      DeviceLedger node = nodes.get(t % 2);
      Callable<Integer> attempts =
          () -> {
            start.await();
            int mine = 0;
            for (int i = 0; i < attemptsEach; i++) {
              mine += node.tryAcquire(key, limit, 1_000) ? 1 : 0;
            }
            return mine;
          };
      granted.add(pool.submit(attempts));
    }
    start.countDown();
    int total = 0;
    for (Future<Integer> each : granted) {
      total += each.get();
    }
    pool.shutdown();

    assertThat(total).as("160 attempts on two nodes against a burst of 25").isEqualTo(25);
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "h2"})
  void purgeForgetsOnlyWhatIsOlderThanTheCutoff(String vendor) {
    DeviceLedger ledger = new DeviceLedger(TestDatabases.named(vendor));
    String old = "old-" + UUID.randomUUID();
    String recent = "recent-" + UUID.randomUUID();
    String idleBucket = "device:" + UUID.randomUUID();
    RateLimit limit = new RateLimit(1, 0.001);
    Instant longAgo = Instant.parse("2000-01-01T00:00:00Z");
    ledger.firstUse(old, longAgo);
    ledger.firstUse(recent, NOW);
    assertThat(ledger.tryAcquire(idleBucket, limit, longAgo.toEpochMilli())).isTrue();
    assertThat(ledger.tryAcquire(idleBucket, limit, longAgo.toEpochMilli())).isFalse();

    int purged = ledger.purge(NOW.minusSeconds(60), NOW.toEpochMilli() - 60_000);

    assertThat(purged)
        .as("the old signature and the idle bucket (other tests' rows too)")
        .isGreaterThanOrEqualTo(2);
    assertThat(ledger.firstUse(recent, NOW)).as("still inside the window").isFalse();
    assertThat(ledger.firstUse(old, NOW)).as("forgotten").isTrue();
    assertThat(ledger.tryAcquire(idleBucket, limit, longAgo.toEpochMilli()))
        .as("the idle bucket's row is gone, so it starts full")
        .isTrue();
  }
}
