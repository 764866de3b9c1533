package dev.facegate.web.security;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.constraints.NotBlank;
import java.io.IOException;

/** The login form: hands the credentials to the authentication mechanism. */
@Named
@RequestScoped
public class LoginBacking {

  static final String HOME = "/employees.xhtml";

  @Inject SecurityContext securityContext;

  @Inject FacesContext faces;

  @NotBlank private String username;

  @NotBlank private String password;

  public void login() throws IOException {
    ExternalContext external = faces.getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    AuthenticationStatus status =
        securityContext.authenticate(
            request,
            (HttpServletResponse) external.getResponse(),
            withParams()
                .newAuthentication(true)
                .credential(new UsernamePasswordCredential(username, new Password(password))));
    password = null;
    switch (status) {
      case SUCCESS -> {
        // A fresh session id after login defeats session fixation.
        request.changeSessionId();
        external.redirect(request.getContextPath() + takeRequestedPage(request.getSession(false)));
      }
      case SEND_CONTINUE -> faces.responseComplete();
      default -> {
        Object refusal = request.getAttribute(PortalAuthenticationMechanism.LOGIN_REFUSAL);
        faces.addMessage(
            null,
            new FacesMessage(
                FacesMessage.SEVERITY_ERROR,
                refusal instanceof String text ? text : "Wrong username or password.",
                null));
      }
    }
  }

  public void logout() throws IOException, ServletException {
    ExternalContext external = faces.getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    request.logout();
    external.invalidateSession();
    external.redirect(request.getContextPath() + PortalAuthenticationMechanism.LOGIN_PAGE);
  }

  private static String takeRequestedPage(HttpSession session) {
    Object requested =
        session == null ? null : session.getAttribute(PortalAuthenticationMechanism.REQUESTED_PAGE);
    if (session != null) {
      session.removeAttribute(PortalAuthenticationMechanism.REQUESTED_PAGE);
    }
    // Only application-relative paths: never an open redirect to another host.
    return requested instanceof String page && page.startsWith("/") && !page.startsWith("//")
        ? page
        : HOME;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }
}
