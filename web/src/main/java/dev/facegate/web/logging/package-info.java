/** Request-scoped logging context: the correlation id of every request. */
package dev.facegate.web.logging;
