/**
 * Observability: the metrics of the application's real work (door decisions, the face engine, the
 * index, logins), exported through the registry of WildFly's micrometer subsystem. A leaf that
 * knows no business component, so that every component may report to it.
 */
package dev.facegate.observability;
