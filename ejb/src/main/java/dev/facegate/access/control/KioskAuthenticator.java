package dev.facegate.access.control;

import dev.facegate.access.boundary.DeviceAuthenticationException;
import dev.facegate.access.boundary.DeviceForbiddenException;
import dev.facegate.domain.access.Device;
import dev.facegate.domain.access.DeviceKind;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Finds the paired kiosk of a browser's credential: the device exists, is a kiosk, is enabled and
 * holds this credential's hash. One read by primary key (the second-level cache usually answers)
 * and a constant-time comparison of hashes.
 */
@Dependent
public class KioskAuthenticator {

  /** The same answer for every refused credential: it tells an attacker nothing. */
  public static final String NOT_PAIRED = "This browser is not paired with a kiosk.";

  @Inject DeviceRepository devices;

  /**
   * The paired kiosk of {@code credential}.
   *
   * @throws DeviceAuthenticationException missing, malformed, replaced or unknown credential
   * @throws DeviceForbiddenException the kiosk is disabled
   */
  public Device authenticate(String credential) {
    return find(credential).orElseThrow(() -> new DeviceAuthenticationException(NOT_PAIRED));
  }

  /**
   * The paired kiosk of {@code credential}, if it is valid.
   *
   * @throws DeviceForbiddenException the kiosk is disabled
   */
  public Optional<Device> find(String credential) {
    Optional<KioskSecrets.Credential> parsed = KioskSecrets.parse(credential);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    Optional<Device> device =
        devices
            .findById(parsed.get().deviceId())
            .filter(d -> d.getKind() == DeviceKind.KIOSK)
            .filter(d -> KioskSecrets.matches(parsed.get().secret(), d.getKioskSecretHash()));
    if (device.isPresent() && !device.get().isEnabled()) {
      throw new DeviceForbiddenException("This kiosk has been disabled by an administrator.");
    }
    return device;
  }
}
