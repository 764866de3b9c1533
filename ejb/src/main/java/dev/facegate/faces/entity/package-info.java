/**
 * What face analysis returns (plain values, no biometric data leaves them except the embedding and
 * the chip the caller asked for) and why an upload is refused.
 */
package dev.facegate.faces.entity;
