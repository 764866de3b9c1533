/**
 * How calls reach the DJL engines: {@link dev.facegate.models.engine.InferenceLock} serialises them
 * where an engine configuration cannot take concurrent callers (MXNet's {@code NaiveEngine}).
 */
package dev.facegate.models.engine;
