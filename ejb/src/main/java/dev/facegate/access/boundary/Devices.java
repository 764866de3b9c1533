package dev.facegate.access.boundary;

import static java.util.Objects.requireNonNullElse;

import dev.facegate.access.control.DeviceKeys;
import dev.facegate.access.control.DeviceRepository;
import dev.facegate.access.control.DeviceTokens;
import dev.facegate.access.control.KioskAttempts;
import dev.facegate.access.control.KioskSecrets;
import dev.facegate.domain.access.Device;
import dev.facegate.domain.access.DeviceKind;
import dev.facegate.domain.attendance.FrameAgreement;
import dev.facegate.domain.audit.AuditAction;
import dev.facegate.platform.ConcurrentChangeException;
import dev.facegate.platform.InvalidInputException;
import dev.facegate.platform.NotFoundException;
import dev.facegate.platform.Roles;
import dev.facegate.platform.control.AuditLog;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Registration and credentials of kiosks and door controllers. A device signs with its own Ed25519
 * key, of which only the public half is registered here; the old token scheme is available per
 * device ({@link NewDevice#legacy()}) for controllers that cannot sign yet.
 *
 * <p>Why the administrator pastes the public key rather than the door redeeming a one-time
 * registration code: a code is a bearer secret that travels and is stored until used, and whoever
 * uses it first (an attacker who saw it) registers their own key. A pasted public key carries no
 * secret at all, needs no pairing endpoint open to anonymous callers, and its fingerprint can be
 * compared with the one the door shows.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class Devices {

  @Inject DeviceRepository devices;

  @Inject AuditLog audit;

  @Inject Clock clock;

  @Inject Validator validator;

  @Inject KioskAttempts attempts;

  @Inject
  @ConfigProperty(name = "facegate.kiosk.pairing-code-minutes")
  int pairingMinutes;

  /**
   * Registers a device.
   *
   * @return the device, with the token to hand over once when it is a legacy device
   * @throws InvalidInputException missing kind, door name or key, or a key that is not Ed25519
   */
  public CreatedDevice create(NewDevice request) {
    if (request.kind() == null) {
      throw new InvalidInputException(List.of("kind must be KIOSK or DOOR."));
    }
    if (request.kind() == DeviceKind.DOOR
        && (request.doorName() == null || request.doorName().isBlank())) {
      throw new InvalidInputException(List.of("doorName is required for a door controller."));
    }
    boolean keyGiven = request.publicKey() != null && !request.publicKey().isBlank();
    if (request.legacy() && keyGiven) {
      throw new InvalidInputException(
          List.of("A legacy device has a token, not a key: give publicKey or legacy, not both."));
    }
    boolean browserKiosk = request.kind() == DeviceKind.KIOSK && !request.legacy() && !keyGiven;
    if (!request.legacy() && !keyGiven && !browserKiosk) {
      throw new InvalidInputException(
          List.of(
              "publicKey is required: the device's Ed25519 public key (PEM or base64 of the"
                  + " X.509 SubjectPublicKeyInfo)."));
    }
    String name = requireNonNullElse(request.name(), "");
    String site = requireNonNullElse(request.site(), "");
    Optional<String> token = Optional.empty();
    Device device;
    if (browserKiosk) {
      device = Device.browserKiosk(name, site, clock.instant());
    } else if (request.legacy()) {
      token = Optional.of(DeviceTokens.newToken());
      device =
          Device.withLegacyToken(
              name,
              request.kind(),
              site,
              request.doorName(),
              DeviceTokens.hash(token.get()),
              clock.instant());
    } else {
      device =
          Device.withKey(
              name,
              request.kind(),
              site,
              request.doorName(),
              publicKey(request.publicKey()),
              clock.instant());
    }
    Set<ConstraintViolation<Device>> violations = validator.validate(device);
    if (!violations.isEmpty()) {
      throw InvalidInputException.of(violations);
    }
    devices.add(device);
    audit.record(
        AuditAction.DEVICE_CREATED,
        null,
        "Device "
            + device.getId()
            + " ("
            + device.getKind()
            + (device.isBrowserKiosk()
                ? ", browser kiosk"
                : device.isLegacy() ? ", legacy token" : ", key " + device.getKeyFingerprint())
            + ") created.");
    if (browserKiosk) {
      return new CreatedDevice(device, token, Optional.of(openPairing(device)));
    }
    return new CreatedDevice(device, token);
  }

  /**
   * Issues a new one-time pairing code for a browser kiosk; a previous unused code stops working,
   * and the browser paired now stays paired until the new code is used.
   *
   * @throws InvalidInputException the device is not a browser kiosk
   */
  public PairingCode issuePairingCode(long deviceId) {
    Device device = get(deviceId);
    if (!device.isBrowserKiosk()) {
      throw new InvalidInputException(
          List.of("Only a kiosk that runs in a browser pairs with a code."));
    }
    PairingCode code = openPairing(device);
    flush(deviceId);
    return code;
  }

  /**
   * Ends a kiosk's pairing: its browser is refused from its next request and shows the pairing
   * screen again.
   */
  public Device unpairKiosk(long deviceId) {
    Device device = change(deviceId, Device::unpair);
    attempts.forget(deviceId);
    audit.record(AuditAction.KIOSK_UNPAIRED, null, "Kiosk " + deviceId + " unpaired.");
    return device;
  }

  /**
   * Switches a kiosk's head-turn challenge (liveness) on or off; audited.
   *
   * @throws InvalidInputException the device is not a kiosk
   */
  public Device switchLivenessChallenge(long deviceId, boolean on) {
    if (get(deviceId).getKind() != DeviceKind.KIOSK) {
      throw new InvalidInputException(List.of("Only a kiosk asks for the head-turn challenge."));
    }
    Device device = change(deviceId, d -> d.setLivenessChallenge(on));
    attempts.forget(deviceId);
    audit.record(
        AuditAction.KIOSK_SETTINGS_CHANGED,
        null,
        "Kiosk " + deviceId + ": head-turn challenge " + (on ? "on" : "off") + ".");
    return device;
  }

  /**
   * Sets how many frames of a kiosk attempt must agree: {@code required} of the last {@code window}
   * within {@code timeoutMillis}.
   *
   * @throws InvalidInputException values out of range, or the device is not a kiosk
   */
  public Device changeKioskAgreement(long deviceId, int required, int window, long timeoutMillis) {
    FrameAgreement.Settings agreement;
    try {
      agreement = new FrameAgreement.Settings(required, window, Duration.ofMillis(timeoutMillis));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(List.of(e.getMessage() + "."));
    }
    if (get(deviceId).getKind() != DeviceKind.KIOSK) {
      throw new InvalidInputException(List.of("Only a kiosk decides over several frames."));
    }
    Device device = change(deviceId, d -> d.setAgreement(agreement));
    audit.record(
        AuditAction.KIOSK_SETTINGS_CHANGED,
        null,
        "Kiosk "
            + deviceId
            + ": "
            + required
            + " of "
            + window
            + " frames within "
            + timeoutMillis
            + " ms.");
    return device;
  }

  private PairingCode openPairing(Device device) {
    String code = KioskSecrets.newPairingCode();
    Instant expiresAt = clock.instant().plus(Duration.ofMinutes(pairingMinutes));
    device.issuePairingCode(
        KioskSecrets.codeHash(KioskSecrets.canonicalCode(code).orElseThrow()), expiresAt);
    audit.record(
        AuditAction.KIOSK_PAIRING_CODE_ISSUED,
        null,
        "Kiosk " + device.getId() + ": pairing code issued, valid until " + expiresAt + ".");
    return new PairingCode(code, expiresAt);
  }

  private void flush(long deviceId) {
    try {
      devices.flush();
    } catch (OptimisticLockException e) {
      throw new ConcurrentChangeException(
          "Device " + deviceId + " was changed by someone else meanwhile; reload and try again.");
    }
  }

  /**
   * Registers a device's new public key; the previous key (or a legacy device's token) stops
   * working at once, and a legacy device leaves the token scheme for good.
   *
   * @throws InvalidInputException the key is not an Ed25519 public key
   */
  public Device registerKey(long deviceId, String publicKey) {
    String key = publicKey(publicKey);
    Device device = change(deviceId, d -> d.registerKey(key));
    audit.record(
        AuditAction.DEVICE_KEY_REGISTERED,
        null,
        "Device " + deviceId + " key " + device.getKeyFingerprint() + " registered.");
    return device;
  }

  /**
   * Replaces a legacy device's token; the old one stops working at once.
   *
   * @throws InvalidInputException the device signs with its own key and has no token
   */
  public CreatedDevice rotateToken(long deviceId) {
    if (!get(deviceId).isLegacy()) {
      throw new InvalidInputException(
          List.of("This device signs with its own key: register its new public key instead."));
    }
    String token = DeviceTokens.newToken();
    Device device = change(deviceId, d -> d.rotateToken(DeviceTokens.hash(token)));
    audit.record(AuditAction.DEVICE_TOKEN_ROTATED, null, "Device " + deviceId + " token rotated.");
    return new CreatedDevice(device, Optional.of(token));
  }

  public Device disable(long deviceId) {
    Device device = change(deviceId, Device::disable);
    attempts.forget(deviceId);
    audit.record(AuditAction.DEVICE_DISABLED, null, "Device " + deviceId + " disabled.");
    return device;
  }

  public Device enable(long deviceId) {
    return change(deviceId, Device::enable);
  }

  @RolesAllowed({Roles.ADMIN, Roles.HR})
  public List<Device> list() {
    return devices.findAll();
  }

  @RolesAllowed({Roles.ADMIN, Roles.HR})
  public Device get(long deviceId) {
    return devices
        .findById(deviceId)
        .orElseThrow(() -> new NotFoundException("No device with id " + deviceId + "."));
  }

  /** Applies a change and writes it now, so a concurrent change is reported, not lost. */
  private Device change(long deviceId, Consumer<Device> change) {
    Device device = get(deviceId);
    change.accept(device);
    flush(deviceId);
    return device;
  }

  private static String publicKey(String pasted) {
    try {
      return DeviceKeys.normalize(pasted);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(List.of("publicKey: " + e.getMessage()));
    }
  }
}
