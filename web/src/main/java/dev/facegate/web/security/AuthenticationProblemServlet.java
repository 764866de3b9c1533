package dev.facegate.web.security;

import dev.facegate.api.CorrelationId;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The body of a 401 or 429 answered by the authentication mechanism (declared as their error page
 * in {@code web.xml}: the container discards a body the mechanism writes itself). Only API calls
 * get these, pages are redirected to the login form, so the body is always problem+json. The detail
 * comes from the mechanism through {@link #DETAIL}, the wait of a 429 through {@link #RETRY_AFTER}.
 */
@WebServlet("/WEB-INF/problems/authentication")
public class AuthenticationProblemServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  /** Request attribute: why authentication failed, in words safe to show to the caller. */
  static final String DETAIL = "facegate.authenticationDetail";

  /** Request attribute: seconds to wait before the next attempt (429 only). */
  static final String RETRY_AFTER = "facegate.retryAfterSeconds";

  static final int TOO_MANY_REQUESTS = 429;

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    boolean tooMany = status instanceof Integer code && code == TOO_MANY_REQUESTS;
    Object detail = request.getAttribute(DETAIL);
    String text =
        detail instanceof String words
            ? words
            : tooMany ? "Too many failed logins. Try again later." : "Authentication is required.";
    if (tooMany) {
      response.setStatus(TOO_MANY_REQUESTS);
      Object retryAfter = request.getAttribute(RETRY_AFTER);
      if (retryAfter != null) {
        response.setHeader("Retry-After", retryAfter.toString());
      }
    } else {
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      response.setHeader("WWW-Authenticate", "Basic realm=\"FaceGate API\", charset=\"UTF-8\"");
      response.addHeader("WWW-Authenticate", "Bearer realm=\"FaceGate API\"");
    }
    response.setContentType("application/problem+json");
    response.setCharacterEncoding("UTF-8");
    int code = tooMany ? TOO_MANY_REQUESTS : HttpServletResponse.SC_UNAUTHORIZED;
    response
        .getWriter()
        .write(
            "{\"type\":\"about:blank\",\"title\":\""
                + (tooMany ? "Too Many Requests" : "Unauthorized")
                + "\",\"status\":"
                + code
                + ",\"detail\":\""
                + text.replace("\\", "\\\\").replace("\"", "\\\"")
                + "\""
                // The id is a safe token (CorrelationId), so it needs no escaping.
                + CorrelationId.current().map(id -> ",\"correlationId\":\"" + id + "\"").orElse("")
                + "}");
  }
}
