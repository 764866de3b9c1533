package dev.facegate.it.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The attendance pages: today, daily, monthly, timesheet, and the schedules administration. */
final class ReportsPage extends ConsolePage {

  private final String form;

  private ReportsPage(WebDriver driver, String form, String readyId) {
    super(driver);
    this.form = form;
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(readyId)));
  }

  static ReportsPage today(WebDriver driver, String base) {
    driver.get(base + "attendance/today.xhtml");
    return new ReportsPage(driver, "todayForm", "todayForm:departments");
  }

  static ReportsPage daily(WebDriver driver, String base) {
    driver.get(base + "attendance/daily.xhtml");
    return new ReportsPage(driver, "dailyForm", "dailyForm:rows");
  }

  static ReportsPage monthly(WebDriver driver, String base, String month) {
    driver.get(base + "attendance/monthly.xhtml?month=" + month);
    return new ReportsPage(driver, "monthlyForm", "monthlyForm:departments");
  }

  static ReportsPage timesheet(WebDriver driver, String base, String employee, String month) {
    driver.get(base + "attendance/timesheet.xhtml?employee=" + employee + "&month=" + month);
    return new ReportsPage(driver, "timesheetForm", "timesheetForm:days");
  }

  static ReportsPage schedules(WebDriver driver, String base) {
    driver.get(base + "admin/schedules.xhtml");
    return new ReportsPage(driver, "schedulesForm", "schedulesForm:shifts");
  }

  ReportsPage choose(String field, String label) {
    selectOne(form + ":" + field, label);
    return this;
  }

  ReportsPage fill(String field, String text) {
    type(form + ":" + field, text);
    return this;
  }

  /**
   * Types a date into a p:datePicker over what it holds, leaving with TAB so its pop-up closes, and
   * retries until the field shows the date (the pop-up may swallow keys while it animates).
   */
  ReportsPage date(String field, String isoDate) {
    By input = By.id(form + ":" + field + "_input");
    wait.until(
        d -> {
          var element = d.findElement(input);
          if (isoDate.equals(element.getAttribute("value"))) {
            return true;
          }
          element.click();
          element.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, isoDate, Keys.TAB);
          return false;
        });
    return this;
  }

  /** Presses an ajax button and waits for the update. */
  ReportsPage press(String button) {
    click(form + ":" + button);
    waitForAjax();
    return this;
  }

  /** Presses a button that reloads the page (non-ajax). */
  ReportsPage submit(String button, String readyId) {
    var old = driver.findElement(By.id(form + ":" + button));
    old.click();
    wait.until(ExpectedConditions.stalenessOf(old));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(readyId)));
    return this;
  }

  List<String> rows(String table) {
    return rowTexts(form + ":" + table);
  }

  String messages() {
    return text(form + ":messages");
  }

  void waitForMessage(String text) {
    waitForMessage(form + ":messages", text);
  }

  void waitForRowsContaining(String table, String text) {
    wait.until(d -> rows(table).stream().anyMatch(r -> r.contains(text)));
  }

  /** Waits until the page's Chart.js canvases have been drawn (non-zero size). */
  void waitForCharts(int count) {
    wait.until(
        d ->
            d.findElements(By.cssSelector("canvas")).stream()
                    .filter(c -> c.getSize().getHeight() > 0)
                    .count()
                >= count);
  }

  /** Clicks a download button and waits for the file with this name in {@code folder}. */
  Path download(String button, Path folder, String filename) {
    click(form + ":" + button);
    Path file = folder.resolve(filename);
    new WebDriverWait(driver, Duration.ofSeconds(60))
        .until(d -> Files.isRegularFile(file) && !partial(folder));
    return file;
  }

  private static boolean partial(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.anyMatch(f -> f.getFileName().toString().endsWith(".crdownload"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
