package dev.facegate.it.browser;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The employee list with its registration form. */
final class EmployeesPage {

  private static final By TABLE_ROWS = By.cssSelector("[id='employeesForm:employees_data'] tr");

  private final WebDriver driver;
  private final WebDriverWait wait;

  EmployeesPage(WebDriver driver) {
    this.driver = driver;
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("employeesForm:employees")));
  }

  EmployeesPage register(String number, String name, String department) {
    type("employeesForm:employeeNumber", number);
    type("employeesForm:fullName", name);
    type("employeesForm:department", department);
    driver.findElement(By.id("employeesForm:create")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("employeesForm:messages"), "Registered " + name));
    return this;
  }

  List<String> rowTexts() {
    return driver.findElements(TABLE_ROWS).stream().map(WebElement::getText).toList();
  }

  String signedInUser() {
    return driver.findElement(By.cssSelector(".fg-user-name")).getText();
  }

  private void type(String id, String text) {
    WebElement field = driver.findElement(By.id(id));
    field.clear();
    field.sendKeys(text);
  }
}
