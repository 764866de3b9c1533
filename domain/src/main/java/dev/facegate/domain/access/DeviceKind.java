package dev.facegate.domain.access;

/** What a device does with a recognition: record attendance, or also open a door. */
public enum DeviceKind {
  /** The check-in page at an entrance. */
  KIOSK,
  /** A door controller that opens on a match. */
  DOOR
}
