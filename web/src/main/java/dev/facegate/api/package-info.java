/**
 * The REST API under {@code /api/v1}: request and response records, problem+json errors (RFC 9457).
 */
package dev.facegate.api;
