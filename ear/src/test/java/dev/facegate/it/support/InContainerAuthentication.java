package dev.facegate.it.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The authentication mechanism of the in-container test module. Jakarta Security's CDI extension is
 * shared by the whole EAR and installs its authentication module in every web module, so the test
 * module (which cannot see the console's mechanism) needs one of its own. It authenticates nobody:
 * the test runner's requests simply pass, as its module has no security constraints.
 */
@ApplicationScoped
public class InContainerAuthentication implements HttpAuthenticationMechanism {

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    return context.doNothing();
  }
}
