package dev.facegate.api;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Anything unexpected: logged with a reference, answered as a 500 problem+json carrying only that
 * reference. A stack trace never reaches the client.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

  @Override
  public Response toResponse(Throwable e) {
    if (causedByAConcurrentChange(e)) {
      // Two writers changed the same record (optimistic lock at commit): the later one is told to
      // reload, like ConcurrentChangeException raised inside a boundary.
      return Problem.response(
          Response.Status.CONFLICT,
          "Someone else changed this record at the same time; reload it and try again.");
    }
    // The request's correlation id, when there is one: it also names the request's log lines.
    String reference = CorrelationId.current().orElseGet(() -> UUID.randomUUID().toString());
    LOG.log(Level.SEVERE, "Unexpected failure, reference " + reference, e);
    return Problem.response(
        Response.Status.INTERNAL_SERVER_ERROR,
        "The request could not be completed (reference " + reference + ").");
  }

  /** An optimistic-lock failure anywhere in the cause chain (JPA's, or Hibernate's own). */
  static boolean causedByAConcurrentChange(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof OptimisticLockException
          || t.getClass().getName().equals("org.hibernate.StaleObjectStateException")
          || t.getClass().getName().equals("org.hibernate.StaleStateException")) {
        return true;
      }
    }
    return false;
  }
}
