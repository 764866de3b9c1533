/**
 * Cross-cutting parts every business component uses: the business exception hierarchy, the roles
 * (container roles and the node role), the clock, schema migration and health.
 */
package dev.facegate.platform;
