package dev.facegate.web.access;

import dev.facegate.access.boundary.CreatedDevice;
import dev.facegate.access.boundary.Devices;
import dev.facegate.access.boundary.NewDevice;
import dev.facegate.access.boundary.PairingCode;
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
import java.time.Instant;
import java.util.List;
import org.primefaces.PrimeFaces;

/**
 * Kiosks and door controllers: register a door with its public key (or a legacy token), replace the
 * key, rotate a legacy token; register a browser kiosk and pair it with a one-time code, unpair it,
 * set its multi-frame agreement; disable.
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

  /** The pairing code just issued; shown once in the dialog, then forgotten. */
  private String pairingCode;

  private String pairingQr;
  private String pairingFor;
  private Instant pairingExpires;

  /** The kiosk whose frame agreement is being edited, and the values in the dialog. */
  private Long agreementDeviceId;

  private String agreementDeviceName;
  private int framesRequired;
  private int framesWindow;
  private double timeoutSeconds;
  private boolean livenessChallenge;

  @PostConstruct
  void load() {
    list = devices.list();
  }

  public void create() {
    if (!user.mayWrite("register devices")) {
      return;
    }
    try {
      NewDevice request =
          kind == DeviceKind.KIOSK
              ? NewDevice.browserKiosk(name, site)
              : new NewDevice(name, kind, site, doorName, legacy ? null : publicKey, legacy);
      CreatedDevice created = devices.create(request);
      if (created.pairing().isPresent()) {
        Messages.info("Registered the kiosk " + created.device().getName() + ".");
        showPairing(created.device(), created.pairing().get());
      } else if (created.token().isPresent()) {
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

  /** Issues a new one-time pairing code for a kiosk and shows it. */
  public void pair(Device device) {
    if (!user.mayWrite("pair kiosks")) {
      return;
    }
    try {
      showPairing(device, devices.issuePairingCode(device.getId()));
    } catch (BusinessException e) {
      Messages.error(e);
    }
    load();
  }

  public void unpair(Device device) {
    if (!user.mayWrite("unpair kiosks")) {
      return;
    }
    try {
      devices.unpairKiosk(device.getId());
      Messages.info(
          device.getName() + " is unpaired; its browser shows the pairing screen from now on.");
    } catch (BusinessException e) {
      Messages.error(e);
    }
    load();
  }

  /** Opens the dialog with a kiosk's multi-frame agreement. */
  public void startAgreement(Device device) {
    agreementDeviceId = device.getId();
    agreementDeviceName = device.getName();
    framesRequired = device.getAgreement().required();
    framesWindow = device.getAgreement().window();
    timeoutSeconds = device.getAgreement().timeout().toMillis() / 1000.0;
    livenessChallenge = device.isLivenessChallengeOn();
    PrimeFaces.current().ajax().update("agreementDialog");
    PrimeFaces.current().executeScript("PF('agreementDialog').show()");
  }

  public void saveAgreement() {
    if (!user.mayWrite("change kiosk settings") || agreementDeviceId == null) {
      return;
    }
    try {
      Device changed =
          devices.changeKioskAgreement(
              agreementDeviceId, framesRequired, framesWindow, Math.round(timeoutSeconds * 1000));
      if (changed.isLivenessChallengeOn() != livenessChallenge) {
        changed = devices.switchLivenessChallenge(agreementDeviceId, livenessChallenge);
      }
      Messages.info(
          changed.getName()
              + " now needs "
              + framesRequired
              + " of "
              + framesWindow
              + " frames to agree; head-turn challenge "
              + (changed.isLivenessChallengeOn() ? "on." : "off."));
      agreementDeviceId = null;
      PrimeFaces.current().executeScript("PF('agreementDialog').hide()");
    } catch (BusinessException e) {
      Messages.error(e);
    }
    load();
  }

  private void showPairing(Device device, PairingCode code) {
    pairingCode = code.code();
    pairingQr = QrCodes.pngDataUri(code.code());
    pairingFor = device.getName();
    pairingExpires = code.expiresAt();
    PrimeFaces.current().ajax().update("pairingDialog");
    PrimeFaces.current().executeScript("PF('pairingDialog').show()");
  }

  /** Closing the dialog forgets the code: the console cannot show it again. */
  public void forgetPairing() {
    pairingCode = null;
    pairingQr = null;
    pairingFor = null;
    pairingExpires = null;
  }

  /** What the credential column says about a device. */
  public String credential(Device device) {
    if (device.isBrowserKiosk()) {
      return device.isPaired() ? "paired browser" : "not paired";
    }
    return device.isLegacy() ? "legacy token" : device.getKeyFingerprint();
  }

  public String getPairingCode() {
    return pairingCode;
  }

  public String getPairingQr() {
    return pairingQr;
  }

  public String getPairingFor() {
    return pairingFor;
  }

  public Instant getPairingExpires() {
    return pairingExpires;
  }

  public String getAgreementDeviceName() {
    return agreementDeviceName;
  }

  public boolean isLivenessChallenge() {
    return livenessChallenge;
  }

  public void setLivenessChallenge(boolean livenessChallenge) {
    this.livenessChallenge = livenessChallenge;
  }

  public int getFramesRequired() {
    return framesRequired;
  }

  public void setFramesRequired(int framesRequired) {
    this.framesRequired = framesRequired;
  }

  public int getFramesWindow() {
    return framesWindow;
  }

  public void setFramesWindow(int framesWindow) {
    this.framesWindow = framesWindow;
  }

  public double getTimeoutSeconds() {
    return timeoutSeconds;
  }

  public void setTimeoutSeconds(double timeoutSeconds) {
    this.timeoutSeconds = timeoutSeconds;
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
