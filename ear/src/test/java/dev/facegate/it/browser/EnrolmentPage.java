package dev.facegate.it.browser;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The enrolment page of one employee: consent, photo upload with verdicts, templates. */
final class EnrolmentPage extends ConsolePage {

  private static final By RESULTS = By.cssSelector("[id='enrolForm:results'] .fg-result");

  EnrolmentPage(WebDriver driver) {
    super(driver);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("consentCard")));
  }

  String consentState() {
    return text("consentState");
  }

  boolean uploadOffered() {
    return isPresent("enrolForm:photos");
  }

  String photosCard() {
    return text("photosCard");
  }

  EnrolmentPage recordConsent(String noticeVersion) {
    type("enrolForm:noticeVersion", noticeVersion);
    driver.findElement(By.cssSelector("[id='enrolForm:noticeShown'] .ui-chkbox-box")).click();
    click("enrolForm:recordConsent");
    waitForMessage("enrolForm:messages", "Consent recorded");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("enrolForm:photos_input")));
    return this;
  }

  /** Uploads the photos in one go and waits until each has its verdict. */
  EnrolmentPage upload(Path... photos) {
    int before = results().size();
    String paths =
        Arrays.stream(photos)
            .map(p -> p.toAbsolutePath().normalize().toString())
            .collect(Collectors.joining("\n"));
    driver.findElement(By.id("enrolForm:photos_input")).sendKeys(paths);
    wait.until(d -> results().size() >= before + photos.length);
    return this;
  }

  /** The verdict cards, newest first. */
  List<String> results() {
    return driver.findElements(RESULTS).stream().map(WebElement::getText).toList();
  }

  long faceBoxesShown() {
    return driver.findElements(By.cssSelector("[id='enrolForm:results'] .fg-facebox")).size();
  }

  List<String> templates() {
    return rowTexts("enrolForm:templates").stream()
        .filter(row -> !row.contains("No templates yet"))
        .toList();
  }

  EmployeesPage backToEmployees() {
    return navigate("navEmployees", EmployeesPage::new);
  }
}
