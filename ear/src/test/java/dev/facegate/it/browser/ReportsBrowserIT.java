package dev.facegate.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facegate.it.attendance.AttendanceSeed;
import dev.facegate.it.support.Deployments;
import dev.facegate.it.support.TestCredentials;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The attendance pages in Chromium on the generated month ({@link AttendanceSeed}): today's view,
 * the daily report with filters and its downloads (the XLSX opened and checked cell by cell), the
 * monthly timesheets with charts, schedules administration, and an HR correction. Screenshots
 * {@code reports-*}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReportsBrowserIT extends BrowserSession {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.application();
  }

  @ArquillianResource URL baseUrl;

  @Test
  void administratorReadsTodayDailyAndMonthlyAndEditsSchedules() throws Exception {
    AttendanceSeed seed = AttendanceSeed.get();
    String base = baseUrl.toString();
    LoginPage.open(browser.driver(), base)
        .logInAs(TestCredentials.ADMIN_USERNAME, TestCredentials.adminPassword());

    ReportsPage today = ReportsPage.today(browser.driver(), base);
    today.choose("department", seed.nowDepartment).press("apply");
    today.waitForRowsContaining("rows", "Ivo Now");
    assertThat(today.rows("rows")).singleElement().asString().contains("Ivo Now", "in");
    assertThat(today.rows("departments"))
        .singleElement()
        .asString()
        .startsWith(seed.nowDepartment + " 1");
    browser.screenshot("reports-01-today");

    ReportsPage daily = ReportsPage.daily(browser.driver(), base);
    daily
        .date("from", "2026-10-01")
        .date("to", "2026-10-31")
        .choose("department", seed.dayDepartment)
        .choose("status", "LATE")
        .press("apply");
    daily.waitForRowsContaining("rows", "2026-10-12");
    List<String> late = daily.rows("rows");
    assertThat(late).hasSize(2);
    assertThat(late.get(0))
        .contains("2026-10-05", "Ben Late", "LATE", "09:20", "17:05", "7:15", "20");
    assertThat(late.get(1)).contains("2026-10-12", "Ben Late");
    browser.screenshot("reports-02-daily-late-filter");

    Path xlsx =
        daily.download("xlsx", browser.downloads(), "attendance-daily-2026-10-01_2026-10-31.xlsx");
    try (InputStream in = Files.newInputStream(xlsx);
        XSSFWorkbook book = new XSSFWorkbook(in)) {
      var sheet = book.getSheetAt(0);
      assertThat(sheet.getLastRowNum()).isEqualTo(2);
      Row first = sheet.getRow(1);
      assertThat(first.getCell(0).getStringCellValue()).isEqualTo(seed.e2);
      assertThat(first.getCell(4).getLocalDateTimeCellValue())
          .isEqualTo(LocalDateTime.parse("2026-10-05T00:00"));
      assertThat(first.getCell(5).getStringCellValue()).isEqualTo("LATE");
      assertThat(first.getCell(7).getLocalDateTimeCellValue())
          .isEqualTo(LocalDateTime.parse("2026-10-05T09:20"));
      assertThat(first.getCell(9).getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(first.getCell(9).getNumericCellValue()).isEqualTo(7.25);
      assertThat(first.getCell(10).getNumericCellValue()).isEqualTo(20.0);
      assertThat(first.getCell(13).getBooleanCellValue()).isFalse();
    }
    Path csv =
        daily.download("csv", browser.downloads(), "attendance-daily-2026-10-01_2026-10-31.csv");
    assertThat(Files.readAllLines(csv)).hasSize(3);

    ReportsPage monthly = ReportsPage.monthly(browser.driver(), base, "2026-10");
    monthly.choose("site", seed.site).submit("apply", "monthlyForm:departments");
    monthly.waitForRowsContaining("departments", seed.dayDepartment);
    monthly.waitForCharts(3);
    assertThat(monthly.rows("departments"))
        .anySatisfy(r -> assertThat(r).startsWith(seed.dayDepartment + " 2 39 1 2"));
    assertThat(monthly.rows("timesheets")).anySatisfy(r -> assertThat(r).contains("Nora Night"));
    browser.screenshot("reports-03-monthly-charts");
    Path monthlyXlsx =
        monthly.download("xlsx", browser.downloads(), "attendance-monthly-2026-10.xlsx");
    try (InputStream in = Files.newInputStream(monthlyXlsx);
        XSSFWorkbook book = new XSSFWorkbook(in)) {
      assertThat(book.getSheet("Departments 2026-10")).isNotNull();
    }

    ReportsPage schedules = ReportsPage.schedules(browser.driver(), base);
    String early = "R-" + seed.suffix + " Early";
    schedules
        .fill("shiftName", early)
        .fill("shiftStart", "06:00")
        .fill("shiftEnd", "14:00")
        .press("saveShift");
    schedules.waitForMessage("Shift " + early + " saved.");
    schedules.waitForRowsContaining("shifts", early);
    schedules
        .fill("shiftName", "R-" + seed.suffix + " Broken")
        .fill("shiftStart", "25:00")
        .press("saveShift");
    schedules.waitForMessage("Start and end must look like 09:00");
    browser.screenshot("reports-05-schedules");
  }

  @Test
  void hrCorrectsAForgottenCheckOutOnTheTimesheetButCannotEditSchedules() throws Exception {
    AttendanceSeed seed = AttendanceSeed.get();
    String base = baseUrl.toString();
    String hr = "hr." + UUID.randomUUID().toString().substring(0, 8);
    String password = "Hr-" + UUID.randomUUID();
    LoginPage.open(browser.driver(), base)
        .logInAs(TestCredentials.ADMIN_USERNAME, TestCredentials.adminPassword());
    UsersPage.open(browser.driver(), base).createHr(hr, password);
    browser.driver().manage().deleteAllCookies();
    EmployeesPage employees = LoginPage.open(browser.driver(), base).logInAs(hr, password);
    assertThat(employees.isPresent("navSchedules")).isFalse();
    assertThat(employees.isPresent("navReports")).isTrue();

    ReportsPage sheet = ReportsPage.timesheet(browser.driver(), base, seed.e6, "2026-10");
    // 21 October is the 21st row (index 20)
    assertThat(sheet.rows("days").get(20)).contains("2026-10-21", "INCOMPLETE", "09:00");
    sheet.press("days:20:correct");
    new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
        .until(
            ExpectedConditions.visibilityOfElementLocated(By.id("timesheetForm:correctionDialog")));
    sheet.fill("out", "17:15").fill("reason", "Forgot to check out, left 17:15");
    browser.screenshot("reports-04a-timesheet-correction-dialog");
    sheet.press("saveCorrection");
    sheet.waitForMessage("Correction of 2026-10-21 saved.");
    sheet.waitForRowsContaining("days", "17:15");
    assertThat(sheet.rows("days").get(20)).contains("PRESENT", "09:00", "17:15", "7:45");
    assertThat(sheet.rows("days").get(20)).doesNotContain("INCOMPLETE");
    assertThat(browser.driver().findElements(By.cssSelector(".fg-corrected"))).hasSize(1);
    assertThat(browser.driver().getPageSource()).contains(hr); // the history names the author
    ((org.openqa.selenium.JavascriptExecutor) browser.driver())
        .executeScript(
            "document.querySelector('.fg-corrected').scrollIntoView({block: 'center'});");
    browser.screenshot("reports-04-timesheet-corrected");

    browser.driver().get(base + "admin/schedules.xhtml");
    new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.tagName("body"), "You do not have access to this page"));
    assertThat(browser.driver().getPageSource()).doesNotContain("schedulesForm");
  }
}
