package dev.facegate.observability.control;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The application's meters, in the registry of WildFly's micrometer subsystem (scraped as
 * Prometheus text from the management interface, {@code /prometheus}; see docs/operations.md).
 *
 * <p>WildFly 39 hands a deployment a registry that passes on only the short forms ({@code
 * counter(name, tags)}, {@code timer(name, tags)}, {@code gauge(name, tags, object, function)}):
 * meters made with a builder, and any histogram configuration, stay inside the deployment and are
 * never exported. So latencies are recorded twice: as a timer (count, sum, max) and as cumulative
 * bucket counters {@code <name>.le{le="0.05"}}, which Prometheus's {@code histogram_quantile} reads
 * like a histogram's buckets.
 *
 * <p>Stage timings carry a {@code flow} tag: {@code door} while a door decision runs on the thread
 * ({@link #doorFlow()}), {@code other} for the same work done for kiosks and enrolment. No meter
 * carries a person, a device or a score: metrics must not become a second attendance record.
 */
@ApplicationScoped
public class WorkMetrics {

  static final String STAGE = "facegate.decision.stage";
  static final String DOOR_DECISIONS = "facegate.door.decisions";
  static final String LOGIN_FAILURES = "facegate.login.failures";
  static final String RECONCILIATIONS = "facegate.index.reconciliations";
  static final String INFERENCE_REJECTED = "facegate.inference.rejected";

  /** Upper bounds of the latency buckets (seconds): 5 ms to 10 s, then +Inf. */
  static final double[] BUCKETS = {
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, Double.POSITIVE_INFINITY
  };

  private static final String DOOR = "door";
  private static final String OTHER = "other";

  /** Whether the current thread is deciding for a door (local EJB calls stay on the thread). */
  private static final ThreadLocal<Boolean> IN_DOOR_FLOW = ThreadLocal.withInitial(() -> false);

  private final MeterRegistry registry;

  /** Gauges' state objects: the registry holds them weakly, this bean for the deployment's life. */
  private final List<Supplier<Number>> gauges = new CopyOnWriteArrayList<>();

  private final List<String> gaugeNames = new CopyOnWriteArrayList<>();

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
    latency(STAGE, Tags.of("stage", stage.tag(), "flow", IN_DOOR_FLOW.get() ? DOOR : OTHER), nanos);
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
    latency(DOOR_DECISIONS, Tags.of("decision", decision, "outcome", outcome), nanos);
  }

  /**
   * Counts a refused console or API login.
   *
   * @param reason {@code rejected} (wrong credentials), {@code throttled} or {@code locked}
   */
  public void loginFailed(String reason) {
    registry.counter(LOGIN_FAILURES, Tags.of("reason", reason)).increment();
  }

  /**
   * Counts a run of the index reconciliation.
   *
   * @param result {@code unchanged}, {@code rebuilt} or {@code failed}
   */
  public void reconciled(String result) {
    registry.counter(RECONCILIATIONS, Tags.of("result", result)).increment();
  }

  /** Counts an analysis refused because the face engine's queue was full. */
  public void inferenceRejected() {
    registry.counter(INFERENCE_REJECTED, Tags.empty()).increment();
  }

  /**
   * Registers a gauge read at each scrape.
   *
   * @param name the meter name
   * @param value its current value; must be cheap and must not throw
   */
  public void gauge(String name, Supplier<Number> value) {
    gauges.add(value);
    gaugeNames.add(name);
    registry.gauge(name, Tags.empty(), value, v -> v.get().doubleValue());
  }

  /**
   * Removes this deployment's gauges. The server's registry outlives a deployment, and registering
   * a gauge under a name it already holds returns the old gauge: without this, a redeployed
   * application would export the previous deployment's gauges, whose state is gone (NaN).
   */
  @PreDestroy
  void removeGauges() {
    for (String name : gaugeNames) {
      Gauge gauge = registry.find(name).gauge();
      if (gauge != null) {
        registry.remove(gauge);
      }
    }
    gaugeNames.clear();
    gauges.clear();
  }

  private void latency(String name, Tags tags, long nanos) {
    registry.timer(name, tags).record(nanos, TimeUnit.NANOSECONDS);
    double seconds = nanos / 1e9;
    for (double bound : BUCKETS) {
      if (seconds <= bound) {
        registry.counter(name + ".le", tags.and(Tag.of("le", le(bound)))).increment();
      }
    }
  }

  /** Prometheus's spelling of a bucket bound: {@code 0.005}, {@code 1.0}, {@code +Inf}. */
  static String le(double bound) {
    return Double.isInfinite(bound) ? "+Inf" : String.format(Locale.ROOT, "%s", bound);
  }
}
