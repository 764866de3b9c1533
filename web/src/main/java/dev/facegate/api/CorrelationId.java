package dev.facegate.api;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * The id that ties one request's log lines, its problem+json body and the caller's own logs
 * together. It lives in the logging MDC of the thread serving the request (set by {@code
 * dev.facegate.web.logging.CorrelationIdFilter}), so every log line of the request carries it
 * through the server's pattern ({@code %X{correlationId}}, set by {@code configure-server.cli}).
 */
public final class CorrelationId {

  /** The request and response header: a caller (a door, a proxy) may send its own id. */
  public static final String HEADER = "X-Correlation-ID";

  /** The MDC key, as used in the log pattern. */
  public static final String MDC_KEY = "correlationId";

  /** What a caller's id may look like; anything else is replaced (no log injection). */
  private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{8,64}");

  private CorrelationId() {}

  /** The id of the request this thread serves, if any. */
  public static Optional<String> current() {
    return MDC.get(MDC_KEY) instanceof String id ? Optional.of(id) : Optional.empty();
  }

  /**
   * The caller's id if it is a safe token of 8 to 64 characters, otherwise a new random one.
   *
   * @param offered the header's value, or null
   */
  public static String acceptOrCreate(String offered) {
    if (offered != null && ACCEPTED.matcher(offered).matches()) {
      return offered;
    }
    return UUID.randomUUID().toString();
  }
}
