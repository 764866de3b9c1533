/**
 * The application's MicroProfile Health checks. WildFly 39 discovers health checks only in an EAR's
 * library jars (checks in the EJB or web module are ignored), and a library cannot see the EJB
 * module's classes; so the checks live here and ask {@link dev.facegate.domain.health.Probes},
 * where the business components register at start-up what they know (and unregister when they
 * stop).
 */
package dev.facegate.domain.health;
