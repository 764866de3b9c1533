package dev.facegate.it.browser;

import java.nio.file.Path;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Bulk import of a ZIP of employeeNumber/photo.jpg entries, with the per-file report. */
final class ImportPage extends ConsolePage {

  ImportPage(WebDriver driver) {
    super(driver);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("importForm:report")));
  }

  static ImportPage open(WebDriver driver, String baseUrl) {
    driver.get(baseUrl + "admin/import.xhtml");
    return new ImportPage(driver);
  }

  /** Uploads the archive and waits for its report. */
  ImportPage upload(Path zip) {
    driver
        .findElement(By.id("importForm:archive_input"))
        .sendKeys(zip.toAbsolutePath().normalize().toString());
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("importForm:lines")));
    return this;
  }

  List<String> report() {
    return rowTexts("importForm:lines");
  }

  String messages() {
    return text("importForm:messages");
  }
}
