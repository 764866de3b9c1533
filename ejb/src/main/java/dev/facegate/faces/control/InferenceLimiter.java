package dev.facegate.faces.control;

import dev.facegate.faces.entity.FaceEngineBusyException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Bounds the work on the face engine: at most {@code maxConcurrent} analyses run, at most {@code
 * maxQueued} more wait (each at most {@code queueTimeout}), and anything beyond is refused at once
 * with {@link FaceEngineBusyException}. The engine's latency stays that of a short queue instead of
 * growing with the load; callers are told to come back later.
 *
 * <p>Invariants, under the monitor: {@code 0 <= running <= maxConcurrent} and {@code 0 <= waiting
 * <= maxQueued}. Waiters are woken one per finished analysis; one that wakes to find the slot taken
 * waits again until its own deadline, so a timeout is never later than {@code queueTimeout} after
 * arrival (plus scheduling).
 */
public final class InferenceLimiter {

  /**
   * The bounds.
   *
   * @param maxConcurrent analyses that may run at the same time, at least 1
   * @param maxQueued analyses that may wait for a slot, at least 0
   * @param queueTimeoutMillis longest wait for a slot, at least 0
   * @param retryAfterSeconds what a refused caller is told to wait, at least 1
   */
  public record Settings(
      int maxConcurrent, int maxQueued, long queueTimeoutMillis, int retryAfterSeconds) {

    public Settings {
      if (maxConcurrent < 1) {
        throw new IllegalArgumentException(
            "maxConcurrent must be at least 1, got " + maxConcurrent);
      }
      if (maxQueued < 0) {
        throw new IllegalArgumentException("maxQueued must be at least 0, got " + maxQueued);
      }
      if (queueTimeoutMillis < 0) {
        throw new IllegalArgumentException(
            "queueTimeoutMillis must be at least 0, got " + queueTimeoutMillis);
      }
      if (retryAfterSeconds < 1) {
        throw new IllegalArgumentException(
            "retryAfterSeconds must be at least 1, got " + retryAfterSeconds);
      }
    }

    /**
     * The configured concurrency, where 0 means one analysis per processor the JVM may use.
     *
     * @param configured the setting's value, 0 or more
     * @param processors {@link Runtime#availableProcessors()}
     */
    public static int concurrency(int configured, int processors) {
      if (configured < 0) {
        throw new IllegalArgumentException(
            "concurrency must be 0 (auto) or more, got " + configured);
      }
      return configured == 0 ? Math.max(1, processors) : configured;
    }
  }

  private static final Logger LOG = Logger.getLogger(InferenceLimiter.class.getName());

  private final Settings settings;
  private final Runnable onRefusal;
  private int running;
  private int waiting;

  /** When an analysis last finished, or the engine last went from idle to busy. */
  private long lastProgress = System.nanoTime();

  /** Refusing since the last time the queue drained: only the first refusal is logged. */
  private boolean saturated;

  /**
   * @param settings the bounds
   * @param onRefusal told of every refusal (to count them), under the limiter's lock: keep it quick
   */
  public InferenceLimiter(Settings settings, Runnable onRefusal) {
    this.settings = Objects.requireNonNull(settings, "settings are required");
    this.onRefusal = Objects.requireNonNull(onRefusal, "onRefusal is required");
  }

  public Settings settings() {
    return settings;
  }

  /**
   * Runs {@code work} when a slot is free, waiting in the bounded queue if need be.
   *
   * @param work the analysis
   * @return its result
   * @throws FaceEngineBusyException if the queue is full, the wait ran out, or the thread was
   *     interrupted while waiting; {@code work} did not run
   */
  public <T> T run(Supplier<T> work) {
    acquire();
    try {
      return work.get();
    } finally {
      release();
    }
  }

  /** Analyses running now. */
  public synchronized int running() {
    return running;
  }

  /**
   * How long the engine has been busy without finishing anything: empty while idle. A long time
   * means a stuck engine (a native call that never returns), which only a restart mends.
   */
  public synchronized Optional<Duration> stalledFor() {
    return running == 0
        ? Optional.empty()
        : Optional.of(Duration.ofNanos(System.nanoTime() - lastProgress));
  }

  /** Analyses waiting for a slot now. */
  public synchronized int waiting() {
    return waiting;
  }

  private synchronized void acquire() {
    // Arrivals do not overtake waiters: a free slot goes to the queue first.
    if (running < settings.maxConcurrent() && waiting == 0) {
      start();
      return;
    }
    if (waiting >= settings.maxQueued()) {
      throw busy("the face engine's queue is full");
    }
    waiting++;
    try {
      long deadline =
          System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.queueTimeoutMillis());
      while (running >= settings.maxConcurrent()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw busy("no slot of the face engine came free in time");
        }
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
      start();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw busy("interrupted while waiting for the face engine");
    } finally {
      waiting--;
    }
  }

  private void start() {
    if (running == 0) {
      lastProgress = System.nanoTime();
    }
    running++;
  }

  private synchronized void release() {
    running--;
    lastProgress = System.nanoTime();
    if (waiting == 0) {
      saturated = false;
    }
    notifyAll();
  }

  /** Called with the lock held. */
  private FaceEngineBusyException busy(String why) {
    onRefusal.run();
    if (!saturated) {
      saturated = true;
      // Once per saturation, not per refusal: an overload must not also flood the log.
      LOG.warning(
          () ->
              "Face engine saturated ("
                  + why
                  + "; "
                  + settings.maxConcurrent()
                  + " running, "
                  + settings.maxQueued()
                  + " queued at most): refusing analyses until the queue drains");
    }
    return new FaceEngineBusyException(
        "The server is busy (" + why + "); try again shortly.", settings.retryAfterSeconds());
  }
}
