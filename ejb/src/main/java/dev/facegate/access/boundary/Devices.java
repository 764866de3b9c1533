package dev.facegate.access.boundary;

import static java.util.Objects.requireNonNullElse;

import dev.facegate.access.control.DeviceRepository;
import dev.facegate.access.control.DeviceTokens;
import dev.facegate.domain.access.Device;
import dev.facegate.domain.access.DeviceKind;
import dev.facegate.domain.audit.AuditAction;
import dev.facegate.platform.InvalidInputException;
import dev.facegate.platform.NotFoundException;
import dev.facegate.platform.Roles;
import dev.facegate.platform.control.AuditLog;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/** Registration and credentials of kiosks and door controllers. */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class Devices {

  @Inject DeviceRepository devices;

  @Inject AuditLog audit;

  @Inject Clock clock;

  @Inject Validator validator;

  /** Registers a device; the returned token is shown once and never stored in clear. */
  public CreatedDevice create(NewDevice request) {
    if (request.kind() == null) {
      throw new InvalidInputException(List.of("kind must be KIOSK or DOOR."));
    }
    if (request.kind() == DeviceKind.DOOR
        && (request.doorName() == null || request.doorName().isBlank())) {
      throw new InvalidInputException(List.of("doorName is required for a door controller."));
    }
    String token = DeviceTokens.newToken();
    Device device =
        new Device(
            requireNonNullElse(request.name(), ""),
            request.kind(),
            requireNonNullElse(request.site(), ""),
            request.doorName(),
            DeviceTokens.hash(token),
            clock.instant());
    Set<ConstraintViolation<Device>> violations = validator.validate(device);
    if (!violations.isEmpty()) {
      throw InvalidInputException.of(violations);
    }
    devices.add(device);
    audit.record(
        AuditAction.DEVICE_CREATED,
        null,
        "Device " + device.getId() + " (" + device.getKind() + ") created.");
    return new CreatedDevice(device, token);
  }

  /** Replaces the device's token; the old one stops working at once. */
  public CreatedDevice rotateToken(long deviceId) {
    Device device = get(deviceId);
    String token = DeviceTokens.newToken();
    device.rotateToken(DeviceTokens.hash(token));
    audit.record(AuditAction.DEVICE_TOKEN_ROTATED, null, "Device " + deviceId + " token rotated.");
    return new CreatedDevice(device, token);
  }

  public Device disable(long deviceId) {
    Device device = get(deviceId);
    device.disable();
    audit.record(AuditAction.DEVICE_DISABLED, null, "Device " + deviceId + " disabled.");
    return device;
  }

  public Device enable(long deviceId) {
    Device device = get(deviceId);
    device.enable();
    return device;
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
}
