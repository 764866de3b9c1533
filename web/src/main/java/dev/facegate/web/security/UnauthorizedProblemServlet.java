package dev.facegate.web.security;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The body of a 401 (declared as the error page for 401 in {@code web.xml}). Only API calls get a
 * 401, pages are redirected to the login form, so the body is always problem+json. The detail comes
 * from the authentication mechanism through {@link #DETAIL}.
 */
@WebServlet("/WEB-INF/problems/unauthorized")
public class UnauthorizedProblemServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  /** Request attribute: why authentication failed, in words safe to show to the caller. */
  static final String DETAIL = "facegate.unauthorizedDetail";

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object detail = request.getAttribute(DETAIL);
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setHeader("WWW-Authenticate", "Basic realm=\"FaceGate API\", charset=\"UTF-8\"");
    response.addHeader("WWW-Authenticate", "Bearer realm=\"FaceGate API\"");
    response.setContentType("application/problem+json");
    response.setCharacterEncoding("UTF-8");
    response
        .getWriter()
        .write(
            "{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,\"detail\":\""
                + (detail instanceof String text ? text : "Authentication is required.")
                + "\"}");
  }
}
