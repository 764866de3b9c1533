package dev.facegate.domain.health;

import java.util.Map;

/**
 * One component's answer to a health question.
 *
 * @param up whether the component is fine
 * @param data what it found, shown in the health response (no secrets, no personal data)
 */
public record Probe(boolean up, Map<String, String> data) {

  public Probe {
    data = Map.copyOf(data);
  }
}
