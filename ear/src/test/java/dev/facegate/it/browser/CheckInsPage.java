package dev.facegate.it.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The check-in log with its filter form. */
final class CheckInsPage extends ConsolePage {

  private static final String TABLE = "checkInsForm:checkIns";

  CheckInsPage(WebDriver driver) {
    super(driver);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(TABLE)));
  }

  static CheckInsPage open(WebDriver driver, String baseUrl) {
    driver.get(baseUrl + "checkins.xhtml");
    return new CheckInsPage(driver);
  }

  CheckInsPage device(String name) {
    selectOne("checkInsForm:device", name);
    return this;
  }

  CheckInsPage decision(String outcome) {
    selectOne("checkInsForm:decision", outcome);
    return this;
  }

  /** Applies the filters and waits until the table shows exactly {@code expectedRows} rows. */
  CheckInsPage apply(int expectedRows) {
    click("checkInsForm:apply");
    waitForAjax();
    wait.until(d -> rows().size() == expectedRows && !rows().get(0).contains("No check-ins"));
    return this;
  }

  List<String> rows() {
    return rowTexts(TABLE);
  }

  List<String> decisions() {
    return driver.findElements(By.cssSelector("[id='" + TABLE + "_data'] .fg-decision")).stream()
        .map(e -> e.getText())
        .toList();
  }
}
