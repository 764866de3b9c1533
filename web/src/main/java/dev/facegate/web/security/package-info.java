/**
 * Authentication of console users and REST callers (Jakarta Security): form login for pages, HTTP
 * Basic for the admin REST API, and a problem+json 401 instead of a login redirect for API calls.
 */
package dev.facegate.web.security;
