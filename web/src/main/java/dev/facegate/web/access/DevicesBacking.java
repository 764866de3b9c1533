package dev.facegate.web.access;

import dev.facegate.access.boundary.CreatedDevice;
import dev.facegate.access.boundary.Devices;
import dev.facegate.access.boundary.NewDevice;
import dev.facegate.domain.access.Device;
import dev.facegate.domain.access.DeviceKind;
import dev.facegate.platform.BusinessException;
import dev.facegate.web.platform.CurrentUser;
import dev.facegate.web.platform.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.primefaces.PrimeFaces;

/**
 * Kiosks and door controllers: register with the device's public key (or a legacy token), replace
 * the key, rotate a legacy token, disable.
 */
@Named
@ViewScoped
public class DevicesBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Devices devices;

  @Inject CurrentUser user;

  private List<Device> list;
  private String name;
  private DeviceKind kind = DeviceKind.KIOSK;
  private String site = "main";
  private String doorName;
  private String publicKey;
  private boolean legacy;

  /** The device whose key is being replaced, and the key pasted for it. */
  private Long keyDeviceId;

  private String keyDeviceName;
  private String newKey;

  /** The token just issued; shown once in the dialog, then forgotten. */
  private String issuedToken;

  private String issuedFor;

  @PostConstruct
  void load() {
    list = devices.list();
  }

  public void create() {
    if (!user.mayWrite("register devices")) {
      return;
    }
    try {
      CreatedDevice created =
          devices.create(
              new NewDevice(
                  name,
                  kind,
                  site,
                  kind == DeviceKind.DOOR ? doorName : null,
                  legacy ? null : publicKey,
                  legacy));
      if (created.token().isPresent()) {
        Messages.info("Registered " + created.device().getName() + " (legacy token).");
        showToken(created);
      } else {
        Messages.info(
            "Registered "
                + created.device().getName()
                + " with key "
                + created.device().getKeyFingerprint()
                + ".");
      }
      name = null;
      doorName = null;
      publicKey = null;
      legacy = false;
    } catch (BusinessException e) {
      Messages.error(e);
    }
    load();
  }

  public void rotate(Device device) {
    if (!user.mayWrite("rotate device tokens")) {
      return;
    }
    try {
      CreatedDevice rotated = devices.rotateToken(device.getId());
      Messages.info("New token issued for " + device.getName() + "; the old one no longer works.");
      showToken(rotated);
    } catch (BusinessException e) {
      Messages.error(e);
    }
    load();
  }

  /** Opens the dialog in which a new public key is pasted for a device. */
  public void startKeyRegistration(Device device) {
    keyDeviceId = device.getId();
    keyDeviceName = device.getName();
    newKey = null;
    PrimeFaces.current().ajax().update("keyDialog");
    PrimeFaces.current().executeScript("PF('keyDialog').show()");
  }

  public void registerKey() {
    if (!user.mayWrite("register device keys") || keyDeviceId == null) {
      return;
    }
    try {
      Device changed = devices.registerKey(keyDeviceId, newKey);
      Messages.info(
          "New key "
              + changed.getKeyFingerprint()
              + " registered for "
              + changed.getName()
              + "; the previous credential no longer works.");
      keyDeviceId = null;
      newKey = null;
      PrimeFaces.current().executeScript("PF('keyDialog').hide()");
    } catch (BusinessException e) {
      Messages.error(e);
    }
    load();
  }

  public void toggle(Device device) {
    if (!user.mayWrite("disable or enable devices")) {
      return;
    }
    try {
      Device changed =
          device.isEnabled() ? devices.disable(device.getId()) : devices.enable(device.getId());
      Messages.info(changed.getName() + (changed.isEnabled() ? " is enabled." : " is disabled."));
    } catch (BusinessException e) {
      Messages.error(e);
    }
    load();
  }

  private void showToken(CreatedDevice created) {
    issuedToken = created.token().orElseThrow();
    issuedFor = created.device().getName();
    PrimeFaces.current().ajax().update("tokenDialog");
    PrimeFaces.current().executeScript("PF('tokenDialog').show()");
  }

  /** Closing the dialog forgets the token: it cannot be shown again. */
  public void forgetToken() {
    issuedToken = null;
    issuedFor = null;
  }

  public List<Device> getList() {
    return list;
  }

  public DeviceKind[] getKinds() {
    return DeviceKind.values();
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public DeviceKind getKind() {
    return kind;
  }

  public void setKind(DeviceKind kind) {
    this.kind = kind;
  }

  public String getSite() {
    return site;
  }

  public void setSite(String site) {
    this.site = site;
  }

  public String getDoorName() {
    return doorName;
  }

  public void setDoorName(String doorName) {
    this.doorName = doorName;
  }

  public String getPublicKey() {
    return publicKey;
  }

  public void setPublicKey(String publicKey) {
    this.publicKey = publicKey;
  }

  public boolean isLegacy() {
    return legacy;
  }

  public void setLegacy(boolean legacy) {
    this.legacy = legacy;
  }

  public String getKeyDeviceName() {
    return keyDeviceName;
  }

  public String getNewKey() {
    return newKey;
  }

  public void setNewKey(String newKey) {
    this.newKey = newKey;
  }

  public String getIssuedToken() {
    return issuedToken;
  }

  public String getIssuedFor() {
    return issuedFor;
  }
}
