/**
 * Authentication of console users and REST callers (Jakarta Security): form login for pages, HTTP
 * Basic or personal API tokens (Bearer) for the admin REST API, no session for API calls and no
 * cookie-authenticated API writes, and a problem+json 401 instead of a login redirect for API
 * calls. Response headers (CSP and friends) and cookie flags: {@code
 * WEB-INF/undertow-handlers.conf} and {@code web.xml}.
 */
package dev.facegate.web.security;
