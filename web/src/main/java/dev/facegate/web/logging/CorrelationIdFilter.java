package dev.facegate.web.logging;

import dev.facegate.api.CorrelationId;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jboss.logging.MDC;

/**
 * Gives every request a correlation id ({@link CorrelationId}): taken from the caller's {@code
 * X-Correlation-ID} when it is a safe token, new otherwise; put in the logging MDC for the time the
 * request is served, and echoed in the response header. An error dispatch (the problem page of a
 * refused login) keeps the id of its request.
 *
 * <p>The container's authentication runs before filters, so its own log lines carry no id; the
 * problem+json it answers with does (through the error dispatch).
 */
@WebFilter(
    urlPatterns = "/*",
    dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR},
    asyncSupported = true)
public class CorrelationIdFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  /** Request attribute holding the id, so that an error dispatch reuses it. */
  static final String ATTRIBUTE = "facegate.correlationId";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String id =
        request.getAttribute(ATTRIBUTE) instanceof String known
            ? known
            : CorrelationId.acceptOrCreate(request.getHeader(CorrelationId.HEADER));
    request.setAttribute(ATTRIBUTE, id);
    if (!response.isCommitted()) {
      response.setHeader(CorrelationId.HEADER, id);
    }
    Object outer = MDC.put(CorrelationId.MDC_KEY, id);
    try {
      chain.doFilter(request, response);
    } finally {
      if (outer == null) {
        MDC.remove(CorrelationId.MDC_KEY);
      } else {
        MDC.put(CorrelationId.MDC_KEY, outer);
      }
    }
  }
}
