package dev.facegate.observability.control;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The application's meters, in the registry of WildFly's micrometer subsystem (scraped as
 * Prometheus text from the management interface, {@code /prometheus}; see docs/operations.md).
 *
 * <p>Stage timings carry a {@code flow} tag: {@code door} while a door decision runs on the thread
 * ({@link #doorFlow()}), {@code other} for the same work done for kiosks and enrolment, so that the
 * door's latency split is not blurred by enrolment photos. No meter carries a person, a device or a
 * score: metrics must not become a second attendance record.
 */
@ApplicationScoped
public class WorkMetrics {

  static final String STAGE = "facegate.decision.stage";
  static final String DOOR_DECISIONS = "facegate.door.decisions";
  static final String LOGIN_FAILURES = "facegate.login.failures";
  static final String RECONCILIATIONS = "facegate.index.reconciliations";
  static final String INFERENCE_REJECTED = "facegate.inference.rejected";

  private static final String DOOR = "door";
  private static final String OTHER = "other";

  /** Whether the current thread is deciding for a door (local EJB calls stay on the thread). */
  private static final ThreadLocal<Boolean> IN_DOOR_FLOW = ThreadLocal.withInitial(() -> false);

  private final MeterRegistry registry;

  @Inject
  public WorkMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** For CDI's client proxy only. */
  protected WorkMetrics() {
    this.registry = null;
  }

  /** Marks the current thread as deciding for a door until the returned scope is closed. */
  public DoorFlow doorFlow() {
    boolean outer = !IN_DOOR_FLOW.get();
    IN_DOOR_FLOW.set(true);
    return () -> {
      if (outer) {
        IN_DOOR_FLOW.remove();
      }
    };
  }

  /** A door decision in progress on this thread; closing it ends the door flow. */
  @FunctionalInterface
  public interface DoorFlow extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Records one stage of a decision (or of another analysis).
   *
   * @param stage the stage
   * @param nanos how long it took
   */
  public void stage(Stage stage, long nanos) {
    latency(STAGE, "Time spent per stage of a face decision")
        .tags("stage", stage.tag(), "flow", IN_DOOR_FLOW.get() ? DOOR : OTHER)
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  /**
   * Records a finished door request: decided (OPEN or DENY with its outcome), or refused before a
   * decision ({@code decision} NONE, {@code outcome} the reason, e.g. BUSY).
   *
   * @param decision OPEN, DENY or NONE
   * @param outcome MATCH, UNKNOWN, NO_FACE, MULTIPLE_FACES, or why there was no decision
   * @param nanos the decision's whole duration inside the server (without the commit)
   */
  public void doorDecision(String decision, String outcome, long nanos) {
    latency(DOOR_DECISIONS, "Door decisions by decision and outcome, with their latency")
        .tags("decision", decision, "outcome", outcome)
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  /**
   * Counts a refused console or API login.
   *
   * @param reason {@code rejected} (wrong credentials), {@code throttled} or {@code locked}
   */
  public void loginFailed(String reason) {
    Counter.builder(LOGIN_FAILURES)
        .description("Refused logins by reason")
        .tag("reason", reason)
        .register(registry)
        .increment();
  }

  /**
   * Counts a run of the index reconciliation.
   *
   * @param result {@code unchanged}, {@code rebuilt} or {@code failed}
   */
  public void reconciled(String result) {
    Counter.builder(RECONCILIATIONS)
        .description("Index reconciliation runs by result")
        .tag("result", result)
        .register(registry)
        .increment();
  }

  /** Counts an analysis refused because the face engine's queue was full. */
  public void inferenceRejected() {
    Counter.builder(INFERENCE_REJECTED)
        .description("Face analyses refused because the engine's queue was full (503)")
        .register(registry)
        .increment();
  }

  /**
   * Registers a gauge read at each scrape.
   *
   * @param name the meter name
   * @param description what it measures
   * @param value its current value; must be cheap and must not throw
   */
  public void gauge(String name, String description, Supplier<Number> value) {
    Gauge.builder(name, value).description(description).strongReference(true).register(registry);
  }

  private static Timer.Builder latency(String name, String description) {
    return Timer.builder(name)
        .description(description)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofSeconds(30));
  }
}
