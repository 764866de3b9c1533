/**
 * The meters ({@link dev.facegate.observability.control.WorkMetrics}) and the interceptor that
 * times the stages of a decision ({@link dev.facegate.observability.control.TimedStage}).
 */
package dev.facegate.observability.control;
