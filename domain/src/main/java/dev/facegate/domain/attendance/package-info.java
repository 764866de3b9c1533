/**
 * Check-ins: the append-only record of every recognition at a kiosk or door, and the pure rules
 * that decide what a check-in records: the direction a kiosk offers ({@link
 * dev.facegate.domain.attendance.DirectionRule}) and, for a kiosk attempt of several frames, the
 * one result it ends with ({@link dev.facegate.domain.attendance.FrameAgreement}). These rules sit
 * here rather than in {@code access} because they decide attendance facts; {@code access} decides
 * what a device may open.
 */
package dev.facegate.domain.attendance;
