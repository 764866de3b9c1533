package dev.facegate.models.engine;

import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises the calls into an engine that cannot take concurrent callers; for the others it does
 * nothing.
 *
 * <p>MXNet reads its engine type from the environment variable {@value #MXNET_ENGINE_TYPE} when it
 * starts. Its default, {@code ThreadedEnginePerDevice}, orders operators by the data and native
 * resources they touch, so any number of Java threads may call it. {@code NaiveEngine}, which DJL
 * suggests for multi-threaded inference, runs each operator at once on the calling thread without
 * that ordering, and concurrent callers corrupt each other's results (measured: {@code verify} with
 * two workers returned wrong embeddings in 3 of 6 runs; never with one worker or with the default
 * engine). With MXNet on {@code NaiveEngine} every call therefore holds one process-wide lock, and
 * results stay correct.
 *
 * <p>The lock is not free: embedding 400 photos with two workers took 12.2 s under {@code
 * NaiveEngine} with the lock against 8.9 s with MXNet's default engine (2 cores), while one thread
 * ran equally fast on both. Leave {@value #MXNET_ENGINE_TYPE} unset.
 */
public final class InferenceLock {

  /** The environment variable MXNet reads its engine type from, once, when it starts. */
  public static final String MXNET_ENGINE_TYPE = "MXNET_ENGINE_TYPE";

  /** A call into the engine that may throw a checked exception. */
  @FunctionalInterface
  public interface Call<T, X extends Exception> {
    /**
     * Runs the call.
     *
     * @return its result
     * @throws X its failure
     */
    T run() throws X;
  }

  private static final ReentrantLock MXNET_NAIVE = new ReentrantLock();
  private static final InferenceLock NONE = new InferenceLock(null);

  private final ReentrantLock lock;

  private InferenceLock(ReentrantLock lock) {
    this.lock = lock;
  }

  /**
   * Returns the lock for calls into an engine in this process: the process-wide one for MXNet when
   * the environment selects {@code NaiveEngine}, otherwise one that does not lock.
   *
   * @param engineName the DJL engine name, e.g. {@code MXNet}
   * @return the lock
   */
  public static InferenceLock forEngine(String engineName) {
    return forEngine(engineName, System.getenv(MXNET_ENGINE_TYPE));
  }

  /** The decision, with the engine type given rather than read from the environment. */
  static InferenceLock forEngine(String engineName, String mxnetEngineType) {
    Objects.requireNonNull(engineName, "engineName is required");
    return "MXNet".equals(engineName) && "NaiveEngine".equals(mxnetEngineType)
        ? new InferenceLock(MXNET_NAIVE)
        : NONE;
  }

  /**
   * Whether calls are serialised.
   *
   * @return {@code true} for MXNet on {@code NaiveEngine}
   */
  public boolean serialises() {
    return lock != null;
  }

  /**
   * Runs a call into the engine, holding the lock if this engine needs it.
   *
   * @param call the call
   * @param <T> its result type
   * @param <X> its checked exception
   * @return its result
   * @throws X its failure
   */
  public <T, X extends Exception> T call(Call<T, X> call) throws X {
    if (lock == null) {
      return call.run();
    }
    lock.lock();
    try {
      return call.run();
    } finally {
      lock.unlock();
    }
  }
}
