/**
 * Cross-cutting parts every business component uses: the business exception hierarchy, the clock,
 * schema migration and health.
 */
package dev.facegate.platform;
