package dev.facegate.it.browser;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The console's login page. */
final class LoginPage {

  private final WebDriver driver;
  private final WebDriverWait wait;

  private LoginPage(WebDriver driver) {
    this.driver = driver;
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("loginForm:username")));
  }

  static LoginPage open(WebDriver driver, String baseUrl) {
    driver.get(baseUrl + "login.xhtml");
    return new LoginPage(driver);
  }

  EmployeesPage logInAs(String username, String password) {
    submit(username, password);
    return new EmployeesPage(driver);
  }

  LoginPage logInExpectingFailure(String username, String password) {
    submit(username, password);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ui-messages-error")));
    return this;
  }

  /** The page as reached after the session ran out. */
  static LoginPage afterRedirect(WebDriver driver) {
    return new LoginPage(driver);
  }

  String expiryMessage() {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("loginForm:expired")))
        .getText();
  }

  String errorMessage() {
    return driver.findElement(By.cssSelector(".ui-messages-error")).getText();
  }

  private void submit(String username, String password) {
    driver.findElement(By.id("loginForm:username")).clear();
    driver.findElement(By.id("loginForm:username")).sendKeys(username);
    driver.findElement(By.id("loginForm:password")).sendKeys(password);
    driver.findElement(By.id("loginForm:login")).click();
  }
}
