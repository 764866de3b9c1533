package dev.facegate.domain.health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Turns the probes' answers into the one {@code facegate} check of a health response: UP when every
 * probe is; each probe's status under its name, its data under its own keys. Built with the
 * response's constructor, not the SPI builder, so that it needs no implementation on the class
 * path.
 */
final class ProbeResponses {

  static final String NAME = "facegate";

  private ProbeResponses() {}

  /**
   * @param answers the probes' answers
   * @param upWhenEmpty the status when no probe is registered
   */
  static HealthCheckResponse of(Map<String, Probe> answers, boolean upWhenEmpty) {
    Map<String, Object> data = new LinkedHashMap<>();
    boolean up = answers.isEmpty() ? upWhenEmpty : true;
    for (Map.Entry<String, Probe> answer : answers.entrySet()) {
      Probe probe = answer.getValue();
      up &= probe.up();
      data.put(answer.getKey(), probe.up() ? "UP" : "DOWN");
      data.putAll(probe.data());
    }
    if (answers.isEmpty()) {
      data.put("registered", "none");
    }
    return new HealthCheckResponse(
        NAME,
        up ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN,
        Optional.of(data));
  }
}
