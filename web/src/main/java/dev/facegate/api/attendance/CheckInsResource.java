package dev.facegate.api.attendance;

import dev.facegate.attendance.boundary.CheckInQuery;
import dev.facegate.attendance.boundary.CheckIns;
import dev.facegate.domain.attendance.CheckIn;
import dev.facegate.domain.attendance.Direction;
import dev.facegate.domain.attendance.Method;
import dev.facegate.domain.recognition.Outcome;
import dev.facegate.platform.InvalidInputException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The check-in log, newest first, filtered and paged. */
@Path("v1/check-ins")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"ADMIN", "HR"})
public class CheckInsResource {

  @Inject CheckIns checkIns;

  /**
   * A check-in as the API shows it. {@code liveness} is NOT_CHECKED (for instance a single door
   * frame), PASSED or FAILED (outcome LIVENESS_FAILED); absent on check-ins older than the check.
   */
  public record CheckInView(
      long id,
      Instant occurredAt,
      long deviceId,
      Long employeeId,
      String outcome,
      boolean doorOpened,
      boolean duplicate,
      Double bestScore,
      Double runnerUpScore,
      String reason,
      String modelVersion,
      String method,
      String direction,
      String liveness) {

    static CheckInView of(CheckIn c) {
      return new CheckInView(
          c.getId(),
          c.getOccurredAt(),
          c.getDeviceId(),
          c.getEmployeeId(),
          c.getOutcome().name(),
          c.isDoorOpened(),
          c.isDuplicate(),
          c.getBestScore(),
          c.getRunnerUpScore(),
          c.getReason(),
          c.getModelVersion(),
          c.getMethod().name(),
          c.getDirection() == null ? null : c.getDirection().name(),
          c.getLiveness() == null ? null : c.getLiveness().name());
    }
  }

  /** One page of the log with the total count for the filter. */
  public record CheckInPage(long total, int offset, int limit, List<CheckInView> items) {}

  @GET
  public CheckInPage find(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("employeeId") Long employeeId,
      @QueryParam("deviceId") Long deviceId,
      @QueryParam("outcome") String outcome,
      @QueryParam("method") String method,
      @QueryParam("direction") String direction,
      @QueryParam("offset") @DefaultValue("0") int offset,
      @QueryParam("limit") @DefaultValue("50") int limit) {
    CheckInQuery query =
        new CheckInQuery(
            instant("from", from),
            instant("to", to),
            Optional.ofNullable(employeeId),
            Optional.ofNullable(deviceId),
            choice("outcome", Outcome.class, outcome),
            choice("method", Method.class, method),
            choice("direction", Direction.class, direction));
    return new CheckInPage(
        checkIns.count(query),
        offset,
        limit,
        checkIns.find(query, offset, limit).stream().map(CheckInView::of).toList());
  }

  @GET
  @Path("{id}")
  public CheckInView get(@PathParam("id") long id) {
    return CheckInView.of(checkIns.get(id));
  }

  private static Optional<Instant> instant(String name, String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(value.strip()));
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          List.of(name + " must be an ISO-8601 instant such as 2026-11-27T08:00:00Z."));
    }
  }

  private static <E extends Enum<E>> Optional<E> choice(String name, Class<E> type, String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          List.of(
              name
                  + " must be one of "
                  + Arrays.stream(type.getEnumConstants())
                      .map(Enum::name)
                      .collect(Collectors.joining(", "))
                  + "."));
    }
  }
}
