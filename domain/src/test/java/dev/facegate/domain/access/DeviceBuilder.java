package dev.facegate.domain.access;

import java.time.Instant;

/** Test data: a valid enabled door controller unless a test says otherwise. */
public final class DeviceBuilder {

  private String name = "Front";
  private DeviceKind kind = DeviceKind.DOOR;
  private String site = "HQ";
  private String doorName = "Main door";
  private String tokenHash = "hash";
  private Instant createdAt = Instant.EPOCH;

  private DeviceBuilder() {}

  public static DeviceBuilder aDoor() {
    return new DeviceBuilder();
  }

  public static DeviceBuilder aKiosk() {
    DeviceBuilder kiosk = new DeviceBuilder();
    kiosk.name = "Lobby";
    kiosk.kind = DeviceKind.KIOSK;
    return kiosk;
  }

  public DeviceBuilder withDoorName(String doorName) {
    this.doorName = doorName;
    return this;
  }

  public DeviceBuilder withTokenHash(String tokenHash) {
    this.tokenHash = tokenHash;
    return this;
  }

  public Device build() {
    return new Device(name, kind, site, doorName, tokenHash, createdAt);
  }
}
