package dev.facegate.it.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Console accounts (administrators only). */
final class UsersPage extends ConsolePage {

  UsersPage(WebDriver driver) {
    super(driver);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("usersForm:users")));
  }

  static UsersPage open(WebDriver driver, String baseUrl) {
    driver.get(baseUrl + "admin/users.xhtml");
    return new UsersPage(driver);
  }

  UsersPage createHr(String username, String password) {
    type("usersForm:username", username);
    type("usersForm:password", password);
    selectOne("usersForm:role", "HR (read only)");
    click("usersForm:create");
    waitForMessage("usersForm:messages", "Account " + username + " (HR) created");
    return this;
  }
}
