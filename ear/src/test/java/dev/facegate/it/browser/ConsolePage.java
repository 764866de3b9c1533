package dev.facegate.it.browser;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What every console page object shares: typing, PrimeFaces menus, messages, explicit waits. */
abstract class ConsolePage {

  final WebDriver driver;
  final WebDriverWait wait;

  ConsolePage(WebDriver driver) {
    this.driver = driver;
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(60));
    // Tables and forms are re-rendered by AJAX while a wait is polling them.
    wait.ignoring(StaleElementReferenceException.class);
  }

  /** Waits until PrimeFaces has no AJAX request queued or in flight. */
  void waitForAjax() {
    wait.until(
        d ->
            (Boolean)
                ((JavascriptExecutor) d)
                    .executeScript(
                        "return (!window.PrimeFaces || PrimeFaces.ajax.Queue.isEmpty())"
                            + " && (!window.jQuery || jQuery.active === 0);"));
  }

  void type(String id, String text) {
    WebElement field = driver.findElement(By.id(id));
    field.clear();
    field.sendKeys(text);
  }

  void click(String id) {
    wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
  }

  /**
   * Picks an option of a {@code p:selectOneMenu} by its label, opening the panel again if a click
   * fell into its opening animation, until the menu shows the label and the panel has closed.
   */
  void selectOne(String id, String label) {
    By panel = By.cssSelector("[id='" + id + "_panel']");
    By item = By.cssSelector("[id='" + id + "_panel'] li[data-label='" + label + "']");
    wait.until(
        d -> {
          try {
            boolean open = d.findElement(panel).isDisplayed();
            if (label.equals(d.findElement(By.id(id + "_label")).getText())) {
              return !open;
            }
            if (open) {
              d.findElement(item).click();
            } else {
              d.findElement(By.id(id)).click();
            }
          } catch (WebDriverException retry) {
            // Still animating or being re-rendered: try again on the next poll.
          }
          return false;
        });
  }

  /** Waits until the page's messages contain {@code text}. */
  void waitForMessage(String messagesId, String text) {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id(messagesId), text));
  }

  String text(String id) {
    return driver.findElement(By.id(id)).getText();
  }

  List<String> rowTexts(String tableId) {
    // Retried while an AJAX update replaces the rows under the reader.
    return wait.until(
        d ->
            d.findElements(By.cssSelector("[id='" + tableId + "_data'] tr")).stream()
                .map(WebElement::getText)
                .toList());
  }

  boolean isPresent(String id) {
    return !driver.findElements(By.id(id)).isEmpty();
  }

  String signedInUser() {
    return driver.findElement(By.cssSelector(".fg-user-name")).getText();
  }

  /** Navigates through the header menu. */
  <P> P navigate(String linkId, java.util.function.Function<WebDriver, P> page) {
    click(linkId);
    return page.apply(driver);
  }
}
