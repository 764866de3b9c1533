package dev.facegate.platform.boundary;

import java.util.Map;

/**
 * What {@link Health#check()} found: overall status and one status per dependency.
 *
 * @param up true when every check passed
 * @param checks the name of each dependency and "UP" or "DOWN"
 */
public record HealthReport(boolean up, Map<String, String> checks) {

  public HealthReport {
    checks = Map.copyOf(checks);
  }
}
