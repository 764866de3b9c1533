package dev.facegate.domain.attendance;

/** How the person behind a check-in was identified. */
public enum Method {
  /** Recognised by face at a kiosk (multi-frame agreement). */
  FACE,
  /** The fallback credential (badge or PIN) typed at a kiosk. */
  BADGE,
  /** Recognised by face at a door controller. */
  DOOR
}
