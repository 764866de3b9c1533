package dev.facegate.access.boundary;

import dev.facegate.domain.access.DeviceKind;

/**
 * What it takes to register a device; a door controller needs its door's name.
 *
 * @param publicKey the device's Ed25519 public key (PEM or base64 of the X.509
 *     SubjectPublicKeyInfo); required for a door unless {@code legacy}; a kiosk without one is a
 *     browser kiosk, paired with a one-time code
 * @param legacy register the device on the old token scheme instead (for controllers that cannot
 *     sign yet); off by default
 */
public record NewDevice(
    String name, DeviceKind kind, String site, String doorName, String publicKey, boolean legacy) {

  /** A device that signs with its own key. */
  public static NewDevice withKey(
      String name, DeviceKind kind, String site, String doorName, String publicKey) {
    return new NewDevice(name, kind, site, doorName, publicKey, false);
  }

  /** A kiosk that runs in a browser and pairs with a one-time code. */
  public static NewDevice browserKiosk(String name, String site) {
    return new NewDevice(name, DeviceKind.KIOSK, site, null, null, false);
  }

  /** A device on the old token scheme. */
  public static NewDevice legacy(String name, DeviceKind kind, String site, String doorName) {
    return new NewDevice(name, kind, site, doorName, null, true);
  }
}
