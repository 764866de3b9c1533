package dev.facegate.it.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The employee register: lazy table with search, registration form, edit and erase dialogs. */
final class EmployeesPage extends ConsolePage {

  private static final String TABLE = "employeesForm:employees";

  EmployeesPage(WebDriver driver) {
    super(driver);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(TABLE)));
  }

  static EmployeesPage open(WebDriver driver, String baseUrl) {
    driver.get(baseUrl + "employees.xhtml");
    return new EmployeesPage(driver);
  }

  EmployeesPage register(String number, String name, String department) {
    type("employeesForm:employeeNumber", number);
    type("employeesForm:fullName", name);
    type("employeesForm:department", department);
    click("employeesForm:create");
    waitForMessage("employeesForm:messages", "Registered " + name);
    return this;
  }

  /** Registers with a field left empty or wrong; returns the validation messages shown. */
  String registerExpectingErrors(String number, String name, String department) {
    type("employeesForm:employeeNumber", number);
    type("employeesForm:fullName", name);
    type("employeesForm:department", department);
    click("employeesForm:create");
    wait.until(
        ExpectedConditions.visibilityOfElementLocated(
            By.cssSelector("[id='employeesForm:messages'] .ui-messages-error")));
    return text("employeesForm:messages");
  }

  /** Types into the table's search box and waits until only matching rows are left. */
  EmployeesPage search(String text) {
    WebElement box = driver.findElement(By.id(TABLE + ":globalFilter"));
    box.clear();
    box.sendKeys(text, Keys.TAB);
    waitForAjax();
    wait.until(d -> rows().stream().allMatch(row -> row.contains(text)) && !rows().isEmpty());
    return this;
  }

  List<String> rows() {
    return rowTexts(TABLE);
  }

  boolean registrationFormShown() {
    return isPresent("employeesForm:employeeNumber");
  }

  EnrolmentPage openEnrolment(String number) {
    driver.findElement(By.linkText(number)).click();
    return new EnrolmentPage(driver);
  }

  /** Changes the department of the first row through the edit dialog. */
  EmployeesPage editDepartment(String department) {
    click(TABLE + ":0:edit");
    wait.until(
        ExpectedConditions.visibilityOfElementLocated(By.id("editDialogForm:editDepartment")));
    type("editDialogForm:editDepartment", department);
    click("editDialogForm:save");
    waitForMessage("employeesForm:messages", "Saved ");
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("editDialog")));
    return this;
  }

  /** Deactivates (or reactivates) the first row. */
  EmployeesPage toggleActive(String expectedMessage) {
    click(TABLE + ":0:toggle");
    waitForMessage("employeesForm:messages", expectedMessage);
    return this;
  }

  /** Opens the erase confirmation of the first row; returns the dialog's text. */
  String openEraseDialog() {
    click(TABLE + ":0:erase");
    return wait.until(
            ExpectedConditions.visibilityOfElementLocated(By.id("eraseDialogForm:eraseDialog")))
        .getText();
  }

  EmployeesPage confirmErase(String name) {
    click("eraseDialogForm:confirmErase");
    waitForMessage("employeesForm:messages", "Erased " + name);
    return this;
  }
}
