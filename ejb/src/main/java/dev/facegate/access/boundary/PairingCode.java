package dev.facegate.access.boundary;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A one-time code that pairs a browser with a kiosk device; shown once, the server keeps only its
 * hash.
 *
 * @param code the code as people read and type it, e.g. {@code ABCDE-FGHJK}
 * @param expiresAt when it stops working if unused
 */
public record PairingCode(String code, Instant expiresAt) {

  public PairingCode {
    requireNonNull(code, "code is required");
    requireNonNull(expiresAt, "expiry is required");
  }
}
