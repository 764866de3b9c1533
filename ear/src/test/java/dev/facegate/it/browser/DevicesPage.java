package dev.facegate.it.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Devices: registration form, table, and the dialog that shows a new token once. */
final class DevicesPage extends ConsolePage {

  DevicesPage(WebDriver driver) {
    super(driver);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("devicesForm:devices")));
  }

  static DevicesPage open(WebDriver driver, String baseUrl) {
    driver.get(baseUrl + "devices.xhtml");
    return new DevicesPage(driver);
  }

  /** Registers a door controller and waits for the token dialog. */
  DevicesPage registerDoor(String name, String door) {
    type("devicesForm:name", name);
    selectOne("devicesForm:kind", "Door controller");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("devicesForm:doorName")));
    type("devicesForm:doorName", door);
    click("devicesForm:create");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tokenDialog")));
    return this;
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
