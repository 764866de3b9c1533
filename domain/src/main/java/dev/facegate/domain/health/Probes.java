package dev.facegate.domain.health;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The probes registered by the running application, one list per question. Static because the
 * registrants (EJBs) and the checks (CDI beans of this library) share nothing else: this class is
 * loaded once per deployment by the EAR's library class loader.
 */
public final class Probes {

  /** The two questions an orchestrator asks. */
  public enum Kind {
    /** Restart me? Only what a restart would mend. */
    LIVENESS,
    /** Send me traffic? Everything a request needs. */
    READINESS
  }

  private record Registration(Kind kind, String name, Supplier<Probe> probe) {}

  private static final List<Registration> REGISTERED = new CopyOnWriteArrayList<>();

  private Probes() {}

  /**
   * Registers a probe until the returned handle is closed.
   *
   * @param kind the question it answers
   * @param name its name in the response
   * @param probe asked at every health request; must be quick, and report failures as DOWN rather
   *     than throw
   * @return the handle that unregisters it
   */
  public static AutoCloseable register(Kind kind, String name, Supplier<Probe> probe) {
    Registration registration =
        new Registration(
            Objects.requireNonNull(kind, "kind is required"),
            Objects.requireNonNull(name, "name is required"),
            Objects.requireNonNull(probe, "probe is required"));
    REGISTERED.add(registration);
    return () -> REGISTERED.remove(registration);
  }

  /**
   * Asks every probe of one kind.
   *
   * @return each probe's name and answer, in registration order; a probe that throws is DOWN
   */
  public static Map<String, Probe> ask(Kind kind) {
    Map<String, Probe> answers = new LinkedHashMap<>();
    for (Registration registration : REGISTERED) {
      if (registration.kind() == kind) {
        answers.put(registration.name(), answer(registration));
      }
    }
    return answers;
  }

  private static Probe answer(Registration registration) {
    try {
      return registration.probe().get();
    } catch (RuntimeException e) {
      // A broken probe must not break the health endpoint: it is an unhealthy component.
      return new Probe(false, Map.of("error", String.valueOf(e.getMessage())));
    }
  }
}
