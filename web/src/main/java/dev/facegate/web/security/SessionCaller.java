package dev.facegate.web.security;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.Set;

/**
 * The console user of an HTTP session, stored by the authentication mechanism at a form login. The
 * mechanism applies it to each request itself (rather than letting the container remember the
 * login) so that it can refuse it where a session must not count: REST write calls.
 */
record SessionCaller(String username, String role) implements Serializable {

  /** Session attribute holding the caller. */
  static final String ATTRIBUTE = "facegate.caller";

  SessionCaller {
    requireNonNull(username, "username is required");
    requireNonNull(role, "role is required");
  }

  Set<String> groups() {
    return Set.of(role);
  }
}
