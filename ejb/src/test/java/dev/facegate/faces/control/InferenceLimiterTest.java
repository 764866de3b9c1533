package dev.facegate.faces.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.facegate.faces.entity.FaceEngineBusyException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The bounds hold under real threads: running work is held on a latch, so every state the
 * assertions look at is reached for certain, not by timing.
 */
class InferenceLimiterTest {

  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final java.util.concurrent.atomic.AtomicInteger refusals =
      new java.util.concurrent.atomic.AtomicInteger();

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  @Test
  void beyondTheRunningAndQueuedBoundsWorkIsRefusedAtOnceWithTheRetryDelay() throws Exception {
    InferenceLimiter limiter =
        new InferenceLimiter(
            new InferenceLimiter.Settings(1, 1, 60_000, 3), refusals::incrementAndGet);
    CountDownLatch release = new CountDownLatch(1);
    Future<String> running = threads.submit(() -> limiter.run(() -> await(release, "first")));
    waitUntil(() -> limiter.running() == 1);
    Future<String> queued = threads.submit(() -> limiter.run(() -> "second"));
    waitUntil(() -> limiter.waiting() == 1);

    assertThatThrownBy(() -> limiter.run(() -> "third"))
        .isInstanceOf(FaceEngineBusyException.class)
        .hasMessageContaining("queue is full")
        .satisfies(e -> assertThat(((FaceEngineBusyException) e).retryAfterSeconds()).isEqualTo(3));
    assertThat(refusals).hasValue(1);

    release.countDown();
    assertThat(running.get(10, TimeUnit.SECONDS)).isEqualTo("first");
    assertThat(queued.get(10, TimeUnit.SECONDS)).isEqualTo("second");
    assertThat(limiter.running()).isZero();
    assertThat(limiter.waiting()).isZero();
    assertThat(limiter.run(() -> "after")).as("the limiter recovers").isEqualTo("after");
  }

  @Test
  void aQueuedCallGivesUpAfterTheQueueTimeout() throws Exception {
    InferenceLimiter limiter =
        new InferenceLimiter(new InferenceLimiter.Settings(1, 4, 50, 1), refusals::incrementAndGet);
    CountDownLatch release = new CountDownLatch(1);
    Future<String> running = threads.submit(() -> limiter.run(() -> await(release, "first")));
    waitUntil(() -> limiter.running() == 1);

    assertThatThrownBy(() -> limiter.run(() -> "late"))
        .isInstanceOf(FaceEngineBusyException.class)
        .hasMessageContaining("in time");
    assertThat(limiter.waiting()).isZero();
    assertThat(refusals).hasValue(1);

    release.countDown();
    assertThat(running.get(10, TimeUnit.SECONDS)).isEqualTo("first");
  }

  @Test
  void aFailingAnalysisFreesItsSlot() {
    InferenceLimiter limiter =
        new InferenceLimiter(new InferenceLimiter.Settings(1, 0, 0, 1), refusals::incrementAndGet);

    assertThatThrownBy(
            () ->
                limiter.run(
                    () -> {
                      throw new IllegalStateException("engine failed");
                    }))
        .hasMessage("engine failed");
    assertThat(limiter.running()).isZero();
    assertThat(limiter.run(() -> "next")).isEqualTo("next");
    assertThat(refusals).hasValue(0);
  }

  @Test
  void zeroConcurrencyMeansOnePerProcessorAndBadBoundsAreRefused() {
    assertThat(InferenceLimiter.Settings.concurrency(0, 6)).isEqualTo(6);
    assertThat(InferenceLimiter.Settings.concurrency(2, 6)).isEqualTo(2);
    assertThatThrownBy(() -> InferenceLimiter.Settings.concurrency(-1, 6))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new InferenceLimiter.Settings(0, 1, 1, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new InferenceLimiter.Settings(1, -1, 1, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new InferenceLimiter.Settings(1, 1, 1, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static String await(CountDownLatch latch, String result) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("never released");
      }
      return result;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void waitUntil(java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not reached in 30 s");
      }
      Thread.sleep(5);
    }
  }
}
