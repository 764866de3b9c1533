package dev.facegate.access.boundary;

import dev.facegate.domain.access.DeviceKind;

/** What it takes to register a device; a door controller needs its door's name. */
public record NewDevice(String name, DeviceKind kind, String site, String doorName) {}
