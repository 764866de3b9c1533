package dev.facegate.domain.access;

import java.time.Instant;

/** Test data: a valid enabled door controller unless a test says otherwise. */
public final class DeviceBuilder {

  private String name = "Front";
  private DeviceKind kind = DeviceKind.DOOR;
  private String site = "HQ";
  private String doorName = "Main door";
  private String tokenHash;
  private String publicKey = "MCowBQYDK2VwAyEAJrQLj5P/89iXES9+vFgrIy29clF9CC/oPPsw3c5D0bs=";
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

  /** A legacy device on the token scheme, with this token hash instead of a key. */
  public DeviceBuilder withLegacyToken(String tokenHash) {
    this.tokenHash = tokenHash;
    return this;
  }

  public Device build() {
    return tokenHash != null
        ? Device.withLegacyToken(name, kind, site, doorName, tokenHash, createdAt)
        : Device.withKey(name, kind, site, doorName, publicKey, createdAt);
  }
}
