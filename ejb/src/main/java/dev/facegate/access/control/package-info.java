/** Device tokens, request signatures, replay protection and rate limiting. */
package dev.facegate.access.control;
