/**
 * Load benchmarks of the deployed application (profile {@code bench}); they print figures and make
 * no timing assertions.
 */
package dev.facegate.it.bench;
