package dev.facegate.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * One mechanism for the whole application, because Jakarta Security allows only one:
 *
 * <ul>
 *   <li>the login page hands a username and password over through {@code
 *       SecurityContext.authenticate}; a success starts a session ({@link AutoApplySession});
 *   <li>REST clients send HTTP Basic credentials on each request under {@code /api/};
 *   <li>an anonymous request for a protected page is redirected to the login page, while a
 *       protected API call gets a 401 problem+json (a redirect means nothing to a script).
 * </ul>
 *
 * Which resources are protected, and for which roles, is declared in {@code web.xml}.
 */
@ApplicationScoped
@AutoApplySession
public class PortalAuthenticationMechanism implements HttpAuthenticationMechanism {

  /** Session attribute holding the page an anonymous user asked for before logging in. */
  public static final String REQUESTED_PAGE = "facegate.requestedPage";

  static final String LOGIN_PAGE = "/login.xhtml";
  private static final String API_PREFIX = "/api/";
  private static final String BASIC = "Basic ";

  @Inject IdentityStoreHandler identityStores;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    Credential credential = context.getAuthParameters().getCredential();
    if (context.isAuthenticationRequest() && credential != null) {
      return loginFromPage(credential, context);
    }
    String basic = request.getHeader("Authorization");
    if (isApi(request) && basic != null && basic.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
      return loginWithBasic(basic.substring(BASIC.length()), request, context);
    }
    if (!context.isProtected()) {
      return context.doNothing();
    }
    if (isApi(request)) {
      return unauthorized(request, context, "Authentication is required.");
    }
    // Remember the page (not an icon or a script the browser fetched on its own) to return to it.
    if ("GET".equals(request.getMethod()) && isPage(request.getServletPath())) {
      String query = request.getQueryString();
      request
          .getSession()
          .setAttribute(
              REQUESTED_PAGE, request.getServletPath() + (query == null ? "" : "?" + query));
    }
    if ("POST".equals(request.getMethod())) {
      // A form posted without a session: the session expired while the page was open.
      String expired = request.getContextPath() + LOGIN_PAGE + "?expired=true";
      if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
        return ajaxRedirect(response, expired);
      }
      return context.redirect(expired);
    }
    return context.redirect(request.getContextPath() + LOGIN_PAGE);
  }

  /** A JSF AJAX request would not follow an HTTP redirect; a partial response tells it to. */
  private static AuthenticationStatus ajaxRedirect(HttpServletResponse response, String url) {
    response.setContentType("text/xml");
    response.setCharacterEncoding("UTF-8");
    try {
      response
          .getWriter()
          .write(
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                  + url.replace("&", "&amp;").replace("\"", "&quot;")
                  + "\"/></partial-response>");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return AuthenticationStatus.SEND_CONTINUE;
  }

  private AuthenticationStatus loginFromPage(Credential credential, HttpMessageContext context) {
    CredentialValidationResult result = identityStores.validate(credential);
    if (result.getStatus() == CredentialValidationResult.Status.VALID) {
      return context.notifyContainerAboutLogin(result);
    }
    // No response is written: the login page shows its own message.
    return AuthenticationStatus.SEND_FAILURE;
  }

  private AuthenticationStatus loginWithBasic(
      String encoded, HttpServletRequest request, HttpMessageContext context) {
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(encoded.strip()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      return unauthorized(request, context, "Malformed Basic credentials.");
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return unauthorized(request, context, "Malformed Basic credentials.");
    }
    CredentialValidationResult result =
        identityStores.validate(
            new UsernamePasswordCredential(
                decoded.substring(0, colon), decoded.substring(colon + 1)));
    if (result.getStatus() != CredentialValidationResult.Status.VALID) {
      return unauthorized(request, context, "Wrong username or password.");
    }
    return context.notifyContainerAboutLogin(result);
  }

  private static boolean isPage(String servletPath) {
    return servletPath.endsWith(".xhtml") || "/".equals(servletPath) || servletPath.isEmpty();
  }

  private static boolean isApi(HttpServletRequest request) {
    return request.getServletPath().startsWith(API_PREFIX)
        || (request.getServletPath() + nullToEmpty(request.getPathInfo())).startsWith(API_PREFIX);
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  private static AuthenticationStatus unauthorized(
      HttpServletRequest request, HttpMessageContext context, String detail) {
    // The 401 error page (UnauthorizedProblemServlet) renders it as problem+json.
    request.setAttribute(UnauthorizedProblemServlet.DETAIL, detail);
    return context.responseUnauthorized();
  }
}
