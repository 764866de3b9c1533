package dev.facegate.access.boundary;

import dev.facegate.domain.access.Device;
import java.util.Optional;

/**
 * A device just registered, or whose credential was just replaced.
 *
 * @param device the device
 * @param token the new token of a legacy device: in this object only (the server keeps its hash),
 *     so this is the one chance to hand it to the device; empty for a device that signs with its
 *     own key
 * @param pairing the first pairing code of a browser kiosk: in this object only; empty otherwise
 */
public record CreatedDevice(Device device, Optional<String> token, Optional<PairingCode> pairing) {

  /** A device with a key or a token, which pairs with no code. */
  public CreatedDevice(Device device, Optional<String> token) {
    this(device, token, Optional.empty());
  }
}
