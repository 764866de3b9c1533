package dev.facegate.models.engine;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * Lets MXNet run as many operators at once as the machine has cores.
 *
 * <p>MXNet's default engine schedules CPU operators on {@value #MXNET_CPU_WORKER_NTHREADS} worker
 * threads, and that number defaults to one: however many Java threads call the engine, their
 * operators run one after another (OpenMP parallelises inside an operator, which does little for
 * MTCNN's small convolutions). Measured on a quiet 2-core machine, a detection split over two
 * threads took as long as on one thread with the default, and 0.65x the wall time with two workers
 * (docs/benchmarks.md, "One detection on two cores").
 *
 * <p>MXNet reads the variable once, when its engine starts, from the C environment of the process,
 * so it must be set before the first call into MXNet: {@link #prepareMxnet()} sets it to the number
 * of available processors unless the environment already sets it (an operator's choice wins). The
 * detector and the embedder call it before they load their engine.
 */
public final class EngineThreads {

  /** The environment variable MXNet reads its CPU worker count from. */
  public static final String MXNET_CPU_WORKER_NTHREADS = "MXNET_CPU_WORKER_NTHREADS";

  private static int workers;

  private EngineThreads() {}

  /** The C library's {@code setenv}, which, unlike Java's environment map, MXNet will read. */
  private interface CLibrary extends Library {
    int setenv(String name, String value, int overwrite);
  }

  /**
   * Sets {@value #MXNET_CPU_WORKER_NTHREADS} to the number of available processors unless it is set
   * already; does nothing after the first call. Call it before MXNet's native library loads: later
   * calls cannot change the engine that is already running.
   *
   * @return the number of CPU workers MXNet will start with, as far as this process can tell
   */
  public static synchronized int prepareMxnet() {
    if (workers > 0) {
      return workers;
    }
    workers =
        decide(
            System.getenv(MXNET_CPU_WORKER_NTHREADS), Runtime.getRuntime().availableProcessors());
    if (System.getenv(MXNET_CPU_WORKER_NTHREADS) == null && workers > 1) {
      int rc;
      try {
        CLibrary c = Native.load("c", CLibrary.class);
        rc = c.setenv(MXNET_CPU_WORKER_NTHREADS, Integer.toString(workers), 0);
      } catch (UnsatisfiedLinkError e) {
        rc = -1; // no C library with setenv (not Linux or macOS): MXNet keeps its default
      }
      if (rc != 0) {
        workers = 1;
      }
    }
    return workers;
  }

  /**
   * The worker count: the environment's value where it is a positive number, MXNet's default (1)
   * where it is set to something else, else the number of processors.
   */
  static int decide(String environmentValue, int processors) {
    if (environmentValue == null) {
      return Math.max(1, processors);
    }
    try {
      int n = Integer.parseInt(environmentValue.trim());
      return n > 0 ? n : 1;
    } catch (NumberFormatException e) {
      return 1; // not a count: assume MXNet's default rather than guess how it reads it
    }
  }
}
