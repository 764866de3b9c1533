package dev.facegate.faces.control;

import dev.facegate.faces.boundary.FaceAnalysisRemote;
import dev.facegate.faces.entity.InferenceUnavailableException;
import dev.facegate.platform.BusinessException;
import java.util.Objects;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Calls the inference nodes' {@link FaceAnalysisRemote} and turns their failures into answers a
 * door understands.
 *
 * <ul>
 *   <li>An application exception ({@link BusinessException}: an unreadable photo, a node at its
 *       bound) is the node's answer and goes to the caller unchanged.
 *   <li>Anything else (the node died mid-request, refused the connection, timed out, or none is
 *       reachable) is a failed node: the call is repeated once, which the EJB client sends to
 *       another node of the cluster when there is one (it leaves out nodes whose connection just
 *       failed). Analysis has no side effect, so a repeat cannot do anything twice.
 *   <li>A second failure ends the call with {@link InferenceUnavailableException}: a door answers
 *       503 with {@code Retry-After}, records nothing and stays closed.
 * </ul>
 *
 * <p>Only the failure's type and message are logged, never the photo or an embedding.
 */
public final class RemoteFaceAnalysis {

  private static final Logger LOG = Logger.getLogger(RemoteFaceAnalysis.class.getName());

  /** The first attempt plus one fail-over. */
  static final int ATTEMPTS = 2;

  private final FaceAnalysisRemote engine;
  private final FaceAnalysisRemote pinger;
  private final int retryAfterSeconds;

  /** What the last readiness call found, so that only changes are logged. */
  private volatile boolean answered = true;

  /**
   * @param engine the proxy analyses go through (the call timeout)
   * @param pinger the proxy readiness checks go through (the short ping timeout)
   * @param retryAfterSeconds what a refused door is told to wait
   */
  public RemoteFaceAnalysis(
      FaceAnalysisRemote engine, FaceAnalysisRemote pinger, int retryAfterSeconds) {
    this.engine = Objects.requireNonNull(engine, "engine proxy is required");
    this.pinger = Objects.requireNonNull(pinger, "ping proxy is required");
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /**
   * Runs one remote call with a single fail-over.
   *
   * @param what what is asked, for the log (never the data)
   * @param call the call on the proxy
   * @return its answer
   * @throws BusinessException the node's own answer (unreadable image, busy)
   * @throws InferenceUnavailableException when two attempts failed
   */
  public <T> T call(String what, Function<FaceAnalysisRemote, T> call) {
    RuntimeException last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        return call.apply(engine);
      } catch (BusinessException answer) {
        throw answer;
      } catch (RuntimeException failure) {
        last = failure;
        int tried = attempt;
        // One line per failed attempt (an outage at 10 frames per second must stay readable);
        // the stack at FINE.
        LOG.warning(
            () ->
                "Inference call '"
                    + what
                    + "' failed (attempt "
                    + tried
                    + " of "
                    + ATTEMPTS
                    + "): "
                    + failure);
        LOG.log(Level.FINE, "Inference call failure", failure);
      }
    }
    // The door's answer reads like a busy engine's; the log above has the cause.
    throw new InferenceUnavailableException(
        "The server is busy (no inference node answered: "
            + last.getClass().getSimpleName()
            + "); try again shortly.",
        retryAfterSeconds);
  }

  /**
   * Whether an inference node answers the cheap identity call within the ping timeout; never
   * throws.
   */
  public boolean answers() {
    try {
      pinger.identity();
      if (!answered) {
        answered = true;
        LOG.info("An inference node answers again");
      }
      return true;
    } catch (RuntimeException e) {
      // Logged when the answer changes, not at every readiness poll.
      if (answered) {
        answered = false;
        LOG.log(Level.WARNING, "No inference node answers the readiness call: " + e, e);
      }
      return false;
    }
  }
}
