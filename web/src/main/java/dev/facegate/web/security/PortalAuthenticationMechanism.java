package dev.facegate.web.security;

import dev.facegate.accounts.boundary.ApiCaller;
import dev.facegate.accounts.boundary.ApiTokens;
import dev.facegate.accounts.boundary.LoginResult;
import dev.facegate.accounts.boundary.PortalAccounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * One mechanism for the whole application, because Jakarta Security allows only one:
 *
 * <ul>
 *   <li>the login page hands a username and password over through {@code
 *       SecurityContext.authenticate}; a success stores the caller in the HTTP session ({@link
 *       SessionCaller}), which later page requests present;
 *   <li>REST clients send HTTP Basic credentials or a personal API token ({@code Authorization:
 *       Bearer}) on each request under {@code /api/}. Credentials are looked at only on protected
 *       paths (a Basic header on the public health probe costs nothing), and an API call never
 *       creates an HTTP session;
 *   <li>a console session cookie counts on the API for reading only: a write call (anything but
 *       GET, HEAD, OPTIONS) needs Basic or Bearer, so a page on another site cannot make the
 *       browser of a logged-in user change data (CSRF);
 *   <li>an anonymous request for a protected page is redirected to the login page, while a
 *       protected API call gets a 401 problem+json (a redirect means nothing to a script).
 * </ul>
 *
 * Failed logins are throttled per account and per client address by {@link PortalAccounts}; a
 * throttled API call gets 429 with {@code Retry-After}. Which resources are protected, and for
 * which roles, is declared in {@code web.xml}.
 */
@ApplicationScoped
public class PortalAuthenticationMechanism implements HttpAuthenticationMechanism {

  /** Session attribute holding the page an anonymous user asked for before logging in. */
  public static final String REQUESTED_PAGE = "facegate.requestedPage";

  /** Request attribute: why a form login was refused, in words for the login page. */
  static final String LOGIN_REFUSAL = "facegate.loginRefusal";

  static final String LOGIN_PAGE = "/login.xhtml";
  private static final String API_PREFIX = "/api/";
  private static final String BASIC = "Basic ";
  private static final String BEARER = "Bearer ";
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  @Inject PortalAccounts accounts;

  @Inject ApiTokens tokens;

  @Inject Clock clock;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    Credential credential = context.getAuthParameters().getCredential();
    if (context.isAuthenticationRequest() && credential != null) {
      return loginFromPage(credential, request, context);
    }
    if (isApi(request)) {
      return authenticateApiCall(request, response, context);
    }
    Optional<SessionCaller> caller = sessionCaller(request);
    if (caller.isPresent()) {
      return context.notifyContainerAboutLogin(caller.get().username(), caller.get().groups());
    }
    if (!context.isProtected()) {
      return context.doNothing();
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

  private AuthenticationStatus authenticateApiCall(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    if (!context.isProtected()) {
      // Public API paths (health, the door hook, which checks devices itself): credentials are
      // not looked at, so a Basic header there cannot make the server run PBKDF2.
      return context.doNothing();
    }
    String authorization = request.getHeader("Authorization");
    if (startsWithIgnoreCase(authorization, BEARER)) {
      return loginWithToken(authorization.substring(BEARER.length()), request, context);
    }
    if (startsWithIgnoreCase(authorization, BASIC)) {
      return loginWithBasic(authorization.substring(BASIC.length()), request, response, context);
    }
    Optional<SessionCaller> caller = sessionCaller(request);
    if (caller.isPresent()) {
      if (SAFE_METHODS.contains(request.getMethod())) {
        return context.notifyContainerAboutLogin(caller.get().username(), caller.get().groups());
      }
      return unauthorized(
          request,
          context,
          "A console session does not authorise API write calls: send HTTP Basic credentials or"
              + " an API token (Authorization: Bearer).");
    }
    return unauthorized(request, context, "Authentication is required.");
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
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return AuthenticationStatus.SEND_CONTINUE;
  }

  private AuthenticationStatus loginFromPage(
      Credential credential, HttpServletRequest request, HttpMessageContext context) {
    if (!(credential instanceof UsernamePasswordCredential login)) {
      return AuthenticationStatus.SEND_FAILURE;
    }
    LoginResult result =
        accounts.logIn(login.getCaller(), login.getPassword().getValue(), request.getRemoteAddr());
    if (result.outcome() == LoginResult.Outcome.ACCEPTED) {
      SessionCaller caller = new SessionCaller(login.getCaller().strip(), result.role().name());
      request.getSession().setAttribute(SessionCaller.ATTRIBUTE, caller);
      return context.notifyContainerAboutLogin(caller.username(), caller.groups());
    }
    // No response is written: the login page shows its own message.
    request.setAttribute(LOGIN_REFUSAL, refusalText(result));
    return AuthenticationStatus.SEND_FAILURE;
  }

  private AuthenticationStatus loginWithToken(
      String token, HttpServletRequest request, HttpMessageContext context) {
    Optional<ApiCaller> caller = tokens.authenticate(token.strip());
    if (caller.isEmpty()) {
      return unauthorized(request, context, "The API token is unknown, expired or revoked.");
    }
    return context.notifyContainerAboutLogin(
        caller.get().username(), Set.of(caller.get().role().name()));
  }

  private AuthenticationStatus loginWithBasic(
      String encoded,
      HttpServletRequest request,
      HttpServletResponse response,
      HttpMessageContext context) {
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
    String username = decoded.substring(0, colon);
    LoginResult result =
        accounts.logIn(
            username, decoded.substring(colon + 1).toCharArray(), request.getRemoteAddr());
    return switch (result.outcome()) {
      case ACCEPTED ->
          context.notifyContainerAboutLogin(username.strip(), Set.of(result.role().name()));
      case REJECTED -> unauthorized(request, context, "Wrong username or password.");
      case THROTTLED, LOCKED -> tooManyAttempts(request, response, result);
    };
  }

  /** 429 with Retry-After; the body comes from the error page, like a 401's. */
  private AuthenticationStatus tooManyAttempts(
      HttpServletRequest request, HttpServletResponse response, LoginResult result) {
    request.setAttribute(AuthenticationProblemServlet.DETAIL, refusalText(result));
    request.setAttribute(
        AuthenticationProblemServlet.RETRY_AFTER, Math.max(1, secondsUntil(result.retryAt())));
    try {
      response.sendError(AuthenticationProblemServlet.TOO_MANY_REQUESTS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return AuthenticationStatus.SEND_FAILURE;
  }

  private String refusalText(LoginResult result) {
    return switch (result.outcome()) {
      case LOCKED ->
          "Too many failed logins: the account is locked. Ask an administrator to unlock it, or"
              + " try again in "
              + Math.max(1, Duration.ofSeconds(secondsUntil(result.retryAt())).toMinutes())
              + " minutes.";
      case THROTTLED ->
          "Too many failed logins. Try again in "
              + Math.max(1, secondsUntil(result.retryAt()))
              + " seconds.";
      default -> "Wrong username or password.";
    };
  }

  private long secondsUntil(Instant instant) {
    if (instant == null) {
      return 0;
    }
    // Rounded up, so a client that waits exactly this long is not refused again.
    long millis = Duration.between(clock.instant(), instant).toMillis();
    return Math.max(0, (millis + 999) / 1000);
  }

  private static Optional<SessionCaller> sessionCaller(HttpServletRequest request) {
    // getSession(false): looking must never create a session.
    HttpSession session = request.getSession(false);
    Object caller = session == null ? null : session.getAttribute(SessionCaller.ATTRIBUTE);
    return caller instanceof SessionCaller sessionCaller
        ? Optional.of(sessionCaller)
        : Optional.empty();
  }

  private static boolean startsWithIgnoreCase(String value, String prefix) {
    return value != null && value.regionMatches(true, 0, prefix, 0, prefix.length());
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
    // The 401 error page (AuthenticationProblemServlet) renders it as problem+json.
    request.setAttribute(AuthenticationProblemServlet.DETAIL, detail);
    return context.responseUnauthorized();
  }
}
