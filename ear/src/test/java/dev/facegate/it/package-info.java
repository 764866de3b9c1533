/**
 * System tests of the packaged application: the real EAR on a real WildFly 39 with a real
 * PostgreSQL server, driven through its boundaries, its HTTP API and a real browser.
 */
package dev.facegate.it;
