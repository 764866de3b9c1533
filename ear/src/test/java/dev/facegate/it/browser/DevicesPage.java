package dev.facegate.it.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Devices: registration form (public key, or a legacy token), table, and the dialog that shows a
 * legacy token once.
 */
final class DevicesPage extends ConsolePage {

  DevicesPage(WebDriver driver) {
    super(driver);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("devicesForm:devices")));
  }

  static DevicesPage open(WebDriver driver, String baseUrl) {
    driver.get(baseUrl + "devices.xhtml");
    return new DevicesPage(driver);
  }

  /** Registers a door controller by the public key it shows; waits for the confirmation. */
  DevicesPage registerDoor(String name, String door, String publicKey) {
    fillDoor(name, door);
    type("devicesForm:publicKey", publicKey);
    click("devicesForm:create");
    waitForMessage("devicesForm:messages", "Registered " + name);
    return this;
  }

  /** Registers a door controller on the legacy token scheme and waits for the token dialog. */
  DevicesPage registerLegacyDoor(String name, String door) {
    fillDoor(name, door);
    driver.findElement(By.cssSelector("[id='devicesForm:legacy'] .ui-chkbox-box")).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("devicesForm:publicKey")));
    click("devicesForm:create");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tokenDialog")));
    return this;
  }

  /** Registers a browser kiosk and waits for the dialog with its pairing code. */
  DevicesPage registerKiosk(String name) {
    type("devicesForm:name", name);
    selectOne("devicesForm:kind", "Kiosk");
    click("devicesForm:create");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pairingForm:pairingCode")));
    return this;
  }

  /** The pairing code the dialog shows. */
  String shownPairingCode() {
    return text("pairingForm:pairingCode");
  }

  /** The QR code of the dialog as a {@code data:image/png;base64,...} URI. */
  String shownPairingQr() {
    return driver.findElement(By.id("pairingForm:pairingQr")).getDomAttribute("src");
  }

  String pairingDialogText() {
    return text("pairingDialog");
  }

  DevicesPage closePairingDialog() {
    click("pairingForm:pairingDone");
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("pairingDialog")));
    return this;
  }

  private void fillDoor(String name, String door) {
    type("devicesForm:name", name);
    selectOne("devicesForm:kind", "Door controller");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("devicesForm:doorName")));
    type("devicesForm:doorName", door);
  }

  String messages() {
    return text("devicesForm:messages");
  }

  String tokenDialogText() {
    return text("tokenDialog");
  }

  String shownToken() {
    return driver.findElement(By.id("tokenForm:token")).getDomProperty("value");
  }

  DevicesPage closeTokenDialog() {
    click("tokenForm:tokenCopied");
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("tokenDialog")));
    return this;
  }

  List<String> rows() {
    return rowTexts("devicesForm:devices");
  }

  boolean registrationFormShown() {
    return isPresent("devicesForm:name");
  }
}
