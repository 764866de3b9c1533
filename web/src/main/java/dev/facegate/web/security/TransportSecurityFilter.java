package dev.facegate.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * HTTPS for every page and API call where the server has a certificate: a request over plain HTTP
 * is redirected (308, so a POST stays a POST) to the same URL on the HTTPS port, and every HTTPS
 * response tells the browser to stay on HTTPS (HSTS).
 *
 * <p>Off by default only because the integration-test server deliberately speaks plain HTTP; the
 * local run ({@code docker/wildfly/run-local.sh}) and the Docker image switch it on.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class TransportSecurityFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Inject
  @ConfigProperty(name = "facegate.http.redirect-to-https")
  boolean redirectToHttps;

  @Inject
  @ConfigProperty(name = "facegate.http.https-port")
  int httpsPort;

  @Inject
  @ConfigProperty(name = "facegate.http.hsts-max-age-seconds")
  long hstsMaxAgeSeconds;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request.isSecure()) {
      response.setHeader("Strict-Transport-Security", "max-age=" + hstsMaxAgeSeconds);
    } else if (redirectToHttps) {
      response.setStatus(308);
      response.setHeader("Location", httpsUrl(request));
      return;
    }
    chain.doFilter(request, response);
  }

  /** The same path and query on this host's HTTPS port. */
  String httpsUrl(HttpServletRequest request) {
    String query = request.getQueryString();
    return "https://"
        + request.getServerName()
        + (httpsPort == 443 ? "" : ":" + httpsPort)
        + request.getRequestURI()
        + (query == null ? "" : "?" + query);
  }
}
