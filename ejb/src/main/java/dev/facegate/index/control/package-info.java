/**
 * Index implementations behind {@link dev.facegate.index.control.FaceIndexBackend}: plain classes
 * built from a settings record, testable without a server.
 */
package dev.facegate.index.control;
