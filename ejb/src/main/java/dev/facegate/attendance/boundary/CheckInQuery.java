package dev.facegate.attendance.boundary;

import dev.facegate.domain.attendance.Direction;
import dev.facegate.domain.attendance.Method;
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
 * @param method only check-ins made this way (face at a kiosk, badge, door)
 * @param direction only this direction (kiosk check-ins; doors record none)
 */
public record CheckInQuery(
    Optional<Instant> from,
    Optional<Instant> to,
    Optional<Long> employeeId,
    Optional<Long> deviceId,
    Optional<Outcome> outcome,
    Optional<Method> method,
    Optional<Direction> direction) {

  public static CheckInQuery all() {
    return new CheckInQuery(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }
}
