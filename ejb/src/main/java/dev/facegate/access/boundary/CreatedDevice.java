package dev.facegate.access.boundary;

import dev.facegate.domain.access.Device;

/**
 * A device with its new token. The token is in this object only: the server keeps its hash, so this
 * is the one chance to hand it to the device.
 */
public record CreatedDevice(Device device, String token) {}
