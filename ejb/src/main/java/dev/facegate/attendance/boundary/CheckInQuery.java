package dev.facegate.attendance.boundary;

import dev.facegate.domain.recognition.Outcome;
import java.time.Instant;
import java.util.Optional;

/**
 * Filters of the check-in log; each is optional.
 *
 * @param from inclusive lower bound of the time
 * @param to exclusive upper bound of the time
 * @param employeeId only this employee
 * @param deviceId only this device
 * @param outcome only this outcome
 */
public record CheckInQuery(
    Optional<Instant> from,
    Optional<Instant> to,
    Optional<Long> employeeId,
    Optional<Long> deviceId,
    Optional<Outcome> outcome) {

  public static CheckInQuery all() {
    return new CheckInQuery(
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }
}
