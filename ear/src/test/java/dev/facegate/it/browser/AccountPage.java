package dev.facegate.it.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** "My account": a console user changes their own password. */
final class AccountPage extends ConsolePage {

  AccountPage(WebDriver driver) {
    super(driver);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("accountForm:change")));
  }

  AccountPage changePassword(String current, String fresh, String repeated) {
    type("accountForm:current", current);
    type("accountForm:newPassword", fresh);
    type("accountForm:repeated", repeated);
    click("accountForm:change");
    waitForAjax();
    return this;
  }

  String messages() {
    return text("accountForm:messages");
  }
}
