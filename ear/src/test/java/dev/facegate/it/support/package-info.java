/** Test infrastructure: the PostgreSQL server, deployments, credentials and HTTP helpers. */
package dev.facegate.it.support;
