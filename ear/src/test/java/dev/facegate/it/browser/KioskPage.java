package dev.facegate.it.browser;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The kiosk page at {@code /kiosk}: the pairing screen, then the camera page and its badge pad. */
final class KioskPage {

  private final WebDriver driver;
  private final WebDriverWait wait;

  private KioskPage(WebDriver driver) {
    this.driver = driver;
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(60));
  }

  static KioskPage open(WebDriver driver, String baseUrl) {
    driver.get(baseUrl + "kiosk");
    return new KioskPage(driver);
  }

  boolean pairingScreenShown() {
    return !driver.findElements(By.id("pair-form")).isEmpty();
  }

  /** Types the code on the pairing screen and waits until the kiosk page has started. */
  KioskPage pair(String code) {
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("code"))).sendKeys(code);
    driver.findElement(By.id("pair")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("status")));
    return this;
  }

  /** Types a code that must be refused and returns the message shown. */
  String pairExpectingRefusal(String code) {
    var field = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("code")));
    field.clear();
    field.sendKeys(code);
    driver.findElement(By.id("pair")).click();
    wait.until(
        d -> {
          String text = d.findElement(By.id("pair-message")).getText();
          return !text.isBlank() && !text.startsWith("Pairing");
        });
    return driver.findElement(By.id("pair-message")).getText();
  }

  /** Waits until the page is in {@code state} (the body's data-state) and returns the status. */
  String awaitState(String state, Duration timeout) {
    new WebDriverWait(driver, timeout)
        .until(d -> state.equals(d.findElement(By.tagName("body")).getDomAttribute("data-state")));
    return status();
  }

  /** Waits for the pairing screen (after the kiosk was unpaired or disabled). */
  void awaitPairingScreen(Duration timeout) {
    new WebDriverWait(driver, timeout)
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("pair-form")));
  }

  String state() {
    return driver.findElement(By.tagName("body")).getDomAttribute("data-state");
  }

  String status() {
    return driver.findElement(By.id("status")).getText();
  }

  String kioskName() {
    return driver.findElement(By.id("kiosk-name")).getText();
  }

  String cameraProblem() {
    return driver.findElement(By.id("camera-problem")).getText();
  }

  /** Opens the badge pad, types the number and PIN, submits; returns the pad's message or state. */
  KioskPage badge(String employeeNumber, String pin) {
    if (!driver.findElement(By.id("badge-pad")).isDisplayed()) {
      driver.findElement(By.id("badge-open")).click();
    }
    var number = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("badge-number")));
    number.clear();
    number.sendKeys(employeeNumber);
    var pinField = driver.findElement(By.id("badge-pin"));
    pinField.clear();
    // The PIN is typed on the on-screen keypad, as a person at the kiosk would.
    pinField.click();
    for (char digit : pin.toCharArray()) {
      driver.findElement(By.cssSelector("#keys button[data-key='" + digit + "']")).click();
    }
    ((JavascriptExecutor) driver)
        .executeScript("document.getElementById('badge-message').textContent = '';");
    driver.findElement(By.id("badge-submit")).click();
    wait.until(
        d -> {
          boolean padClosed = !d.findElement(By.id("badge-pad")).isDisplayed();
          String message = d.findElement(By.id("badge-message")).getText();
          return padClosed || (!message.isBlank() && !message.startsWith("Checking"));
        });
    return this;
  }

  boolean badgePadShown() {
    return driver.findElement(By.id("badge-pad")).isDisplayed();
  }

  String badgeMessage() {
    return driver.findElement(By.id("badge-message")).getText();
  }

  /**
   * The page's own measurements: per attempt, ms from the first frame with a face to the result.
   */
  @SuppressWarnings("unchecked")
  List<Map<String, Object>> timings() {
    return (List<Map<String, Object>>)
        ((JavascriptExecutor) driver).executeScript("return window.fgKioskTimings || [];");
  }

  /** Taps IN or OUT. */
  KioskPage choose(String direction) {
    driver.findElement(By.id("IN".equals(direction) ? "dir-in" : "dir-out")).click();
    return this;
  }
}
