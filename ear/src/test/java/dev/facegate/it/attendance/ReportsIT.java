package dev.facegate.it.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facegate.it.support.Deployments;
import dev.facegate.it.support.TestCredentials;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The attendance reports over REST on WildFly and PostgreSQL, on a generated month ({@link
 * AttendanceSeed}): the monthly figures worked out by hand from the rules, the daily rows around
 * the DST night, CSV and XLSX (cell by cell), the PDF rendered with pdftoppm, a correction, and
 * refusals of bad input as problem JSON.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReportsIT {

  private static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.application();
  }

  @ArquillianResource URL baseUrl;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private record Reply(int status, String contentType, String disposition, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    JsonValue json() {
      return Json.createReader(new StringReader(text())).readValue();
    }
  }

  private Reply get(String path, String accept) throws IOException, InterruptedException {
    HttpResponse<byte[]> r =
        http.send(
            HttpRequest.newBuilder(URI.create(baseUrl.toString()).resolve(path))
                .header("Authorization", admin())
                .header("Accept", accept)
                .timeout(Duration.ofSeconds(120))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    return new Reply(
        r.statusCode(),
        r.headers().firstValue("Content-Type").orElse(""),
        r.headers().firstValue("Content-Disposition").orElse(""),
        r.body());
  }

  private Reply post(String path, String json) throws IOException, InterruptedException {
    HttpResponse<byte[]> r =
        http.send(
            HttpRequest.newBuilder(URI.create(baseUrl.toString()).resolve(path))
                .header("Authorization", admin())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    return new Reply(
        r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), "", r.body());
  }

  private static String admin() {
    return TestCredentials.basic(TestCredentials.ADMIN_USERNAME, TestCredentials.adminPassword());
  }

  private static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Test
  void monthlyFiguresFollowTheRules() throws Exception {
    AttendanceSeed seed = AttendanceSeed.get();
    Reply reply =
        get("api/v1/attendance/monthly?month=2026-10&site=" + q(seed.site), "application/json");
    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    JsonObject month = reply.json().asJsonObject();
    Map<String, JsonObject> sheets =
        month.getJsonArray("timesheets").stream()
            .map(JsonValue::asJsonObject)
            .collect(Collectors.toMap(t -> t.getString("employeeNumber"), t -> t));
    assertThat(sheets)
        .containsOnlyKeys(seed.e1, seed.e2, seed.e3, seed.e4, seed.e5, seed.e6, seed.e7);

    // e1: 22 weekdays, one a holiday; 08:55-12:00 + 12:30-17:05 = 460 min (the lunch gap covers
    // the 30 min break); planned 450 -> 10 min overtime a day. The duplicate OUT is ignored.
    expect(sheets.get(seed.e1), 21, 21, 0, 0, 0, 1, 0, 21 * 460, 21 * 10);
    // e2: 19 scheduled (holiday and two sick days out), absent on the 14th, late on Mondays 5 and
    // 12 (09:20: 435 min), only an IN on the 22nd (incomplete, nothing worked)
    expect(sheets.get(seed.e2), 19, 18, 2, 1, 2, 1, 1, 15 * 460 + 2 * 435, 15 * 10);
    assertThat(sheets.get(seed.e2).getInt("lateMinutes")).isEqualTo(40);
    // e3: 26 nights Mon-Sat (holiday out); 21:55-06:00 is 485 min - 30 = 455, except the DST
    // night 24->25 October, one hour longer: 515; 5 min overtime each night (planned 450 / 510)
    expect(sheets.get(seed.e3), 26, 26, 0, 0, 0, 1, 0, 25 * 455 + 515, 26 * 5);
    // e4: starts on the 15th: 11 scheduled days, door passages 08:58..17:02 -> 484 - 30 = 454
    expect(sheets.get(seed.e4), 11, 11, 0, 0, 0, 1, 0, 11 * 454, 11 * 4);

    JsonObject day =
        month.getJsonArray("departments").stream()
            .map(JsonValue::asJsonObject)
            .filter(d -> d.getString("department").equals(seed.dayDepartment))
            .findFirst()
            .orElseThrow();
    assertThat(day.getInt("employees")).isEqualTo(2);
    assertThat(day.getInt("presentDays")).isEqualTo(39);
    assertThat(day.getInt("absentDays")).isEqualTo(1);
    assertThat(day.getInt("lateDays")).isEqualTo(2);
    assertThat(day.getJsonNumber("workedMinutes").longValue())
        .isEqualTo(21 * 460 + 15 * 460 + 2 * 435);
    assertThat(month.getJsonObject("lateByWeekday").getInt("MONDAY")).isEqualTo(2);
    assertThat(month.getJsonObject("lateByWeekday").getInt("TUESDAY")).isZero();
  }

  private static void expect(
      JsonObject t,
      int scheduled,
      int present,
      int late,
      int absent,
      int leave,
      int holidays,
      int incomplete,
      long worked,
      long overtime) {
    assertThat(t.getInt("scheduledDays")).as("scheduled " + t).isEqualTo(scheduled);
    assertThat(t.getInt("presentDays")).as("present " + t).isEqualTo(present);
    assertThat(t.getInt("lateDays")).as("late " + t).isEqualTo(late);
    assertThat(t.getInt("absentDays")).as("absent " + t).isEqualTo(absent);
    assertThat(t.getInt("leaveDays")).as("leave " + t).isEqualTo(leave);
    assertThat(t.getInt("holidayDays")).as("holidays " + t).isEqualTo(holidays);
    assertThat(t.getInt("incompleteDays")).as("incomplete " + t).isEqualTo(incomplete);
    assertThat(t.getJsonNumber("workedMinutes").longValue()).as("worked " + t).isEqualTo(worked);
    assertThat(t.getJsonNumber("overtimeMinutes").longValue())
        .as("overtime " + t)
        .isEqualTo(overtime);
  }

  @Test
  void dailyRowsShowTheDstNightInLocalTimeAndFilterByStatus() throws Exception {
    AttendanceSeed seed = AttendanceSeed.get();
    Reply reply =
        get(
            "api/v1/attendance/daily?from=2026-10-24&to=2026-10-25&employee=" + q(seed.e3),
            "application/json");
    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    JsonArray rows = reply.json().asJsonArray();
    assertThat(rows).hasSize(2);
    JsonObject saturday = rows.getJsonObject(0);
    assertThat(saturday.getString("date")).isEqualTo("2026-10-24");
    assertThat(saturday.getString("status")).isEqualTo("PRESENT");
    assertThat(saturday.getString("firstIn")).startsWith("2026-10-24T21:55");
    assertThat(saturday.getString("lastOut")).startsWith("2026-10-25T06:00");
    assertThat(saturday.getInt("workedMinutes")).isEqualTo(515);
    assertThat(rows.getJsonObject(1).getString("status")).isEqualTo("DAY_OFF");

    Reply absent =
        get(
            "api/v1/attendance/daily?from=2026-10-01&to=2026-10-31&status=absent&department="
                + q(seed.dayDepartment),
            "application/json");
    assertThat(absent.json().asJsonArray())
        .extracting(
            v ->
                v.asJsonObject().getString("employeeNumber")
                    + " "
                    + v.asJsonObject().getString("date"))
        .containsExactly(seed.e2 + " 2026-10-14");
  }

  @Test
  void csvAndXlsxCarryThePeriodAndRealCellTypes() throws Exception {
    AttendanceSeed seed = AttendanceSeed.get();
    String query =
        "api/v1/attendance/daily?from=2026-10-01&to=2026-10-31&department=" + q(seed.dayDepartment);

    Reply csv = get(query, "text/csv");
    assertThat(csv.status()).as(csv.text()).isEqualTo(200);
    assertThat(csv.contentType()).startsWith("text/csv");
    assertThat(csv.disposition()).contains("attendance-daily-2026-10-01_2026-10-31.csv");
    List<String> lines = csv.text().lines().toList();
    assertThat(lines).hasSize(1 + 2 * 31);
    assertThat(lines.get(0))
        .startsWith("Employee number,Name,Department,Site,Date,Status,Shift,First in");
    assertThat(lines)
        .contains(
            seed.e2
                + ",Ben Late,"
                + seed.dayDepartment
                + ","
                + seed.site
                + ",2026-10-05,LATE,R-"
                + seed.suffix
                + " Day,2026-10-05 09:20,2026-10-05 17:05,7.25,20,0,0,no");

    Reply xlsx = get(query, XLSX);
    assertThat(xlsx.status()).isEqualTo(200);
    assertThat(xlsx.disposition()).contains("attendance-daily-2026-10-01_2026-10-31.xlsx");
    Path saved = Path.of("target", "screenshots", "reports-daily-2026-10.xlsx");
    Files.createDirectories(saved.getParent());
    Files.write(saved, xlsx.body());
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
      Sheet sheet = book.getSheetAt(0);
      assertThat(sheet.getSheetName()).isEqualTo("Daily 2026-10-01 to 2026-10-31");
      assertThat(sheet.getLastRowNum()).isEqualTo(2 * 31);
      Row late = null;
      for (Row row : sheet) {
        if (row.getRowNum() > 0
            && row.getCell(0).getStringCellValue().equals(seed.e2)
            && row.getCell(4)
                .getLocalDateTimeCellValue()
                .toLocalDate()
                .toString()
                .equals("2026-10-05")) {
          late = row;
        }
      }
      assertThat(late).isNotNull();
      assertThat(late.getCell(1).getStringCellValue()).isEqualTo("Ben Late");
      assertThat(late.getCell(4).getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(DateUtil.isCellDateFormatted(late.getCell(4))).isTrue();
      assertThat(late.getCell(5).getStringCellValue()).isEqualTo("LATE");
      assertThat(late.getCell(7).getLocalDateTimeCellValue())
          .isEqualTo(LocalDateTime.parse("2026-10-05T09:20"));
      assertThat(DateUtil.isCellDateFormatted(late.getCell(8))).isTrue();
      assertThat(late.getCell(8).getLocalDateTimeCellValue())
          .isEqualTo(LocalDateTime.parse("2026-10-05T17:05"));
      assertThat(late.getCell(9).getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(late.getCell(9).getNumericCellValue()).isEqualTo(7.25);
      assertThat(late.getCell(10).getNumericCellValue()).isEqualTo(20.0);
      assertThat(late.getCell(11).getNumericCellValue()).isZero();
      assertThat(late.getCell(13).getCellType()).isEqualTo(CellType.BOOLEAN);
      assertThat(late.getCell(13).getBooleanCellValue()).isFalse();
    }

    Reply monthly = get("api/v1/attendance/monthly?month=2026-10&site=" + q(seed.site), XLSX);
    assertThat(monthly.status()).isEqualTo(200);
    assertThat(monthly.disposition()).contains("attendance-monthly-2026-10.xlsx");
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(monthly.body()))) {
      assertThat(book.getNumberOfSheets()).isEqualTo(2);
      Sheet sheets = book.getSheet("Timesheets 2026-10");
      Row e1 = null;
      for (Row row : sheets) {
        if (row.getCell(0).getStringCellValue().equals(seed.e1)) {
          e1 = row;
        }
      }
      assertThat(e1).isNotNull();
      assertThat(e1.getCell(4).getNumericCellValue()).isEqualTo(21.0); // scheduled
      assertThat(e1.getCell(5).getNumericCellValue()).isEqualTo(21.0); // present
      assertThat(e1.getCell(12).getNumericCellValue()).isEqualTo(161.0); // 9660 min in hours
      assertThat(e1.getCell(15).getNumericCellValue()).isEqualTo(3.5); // 210 min overtime
      assertThat(book.getSheet("Departments 2026-10").getRow(0).getCell(0).getStringCellValue())
          .isEqualTo("Department");
    }
  }

  @Test
  void pdfTimesheetRendersWithPdftoppm() throws Exception {
    AttendanceSeed seed = AttendanceSeed.get();
    Reply pdf =
        get("api/v1/attendance/timesheets/" + q(seed.e3) + "?month=2026-10", "application/pdf");
    assertThat(pdf.status()).as(pdf.text()).isEqualTo(200);
    assertThat(pdf.contentType()).startsWith("application/pdf");
    assertThat(pdf.disposition()).contains("timesheet-" + seed.e3 + "-2026-10.pdf");
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    Path file = dir.resolve("reports-timesheet.pdf");
    Files.write(file, pdf.body());
    Process render =
        new ProcessBuilder(
                "pdftoppm",
                "-png",
                "-r",
                "80",
                "-f",
                "1",
                "-singlefile",
                file.toString(),
                dir.resolve("reports-timesheet-pdf").toString())
            .redirectErrorStream(true)
            .start();
    assertThat(render.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(render.exitValue()).isZero();
    assertThat(dir.resolve("reports-timesheet-pdf.png")).exists().isNotEmptyFile();

    Reply unknown = get("api/v1/attendance/timesheets/R-nobody?month=2026-10", "application/pdf");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.contentType()).startsWith("application/problem+json");
  }

  @Test
  void aCorrectionOverridesTheMissingDepartureAndIsMarked() throws Exception {
    AttendanceSeed seed = AttendanceSeed.get();
    String day = "api/v1/attendance/daily?from=2026-10-22&to=2026-10-22&employee=" + q(seed.e5);
    JsonObject before = get(day, "application/json").json().asJsonArray().getJsonObject(0);
    assertThat(before.getString("status")).isEqualTo("INCOMPLETE");
    assertThat(before.getBoolean("corrected")).isFalse();

    Reply saved =
        post(
            "api/v1/attendance/corrections",
            "{\"employeeNumber\":\""
                + seed.e5
                + "\",\"date\":\"2026-10-22\",\"out\":\"17:30\","
                + "\"reason\":\"Forgot to check out, left 17:30\"}");
    assertThat(saved.status()).as(saved.text()).isEqualTo(201);
    assertThat(saved.json().asJsonObject().getString("createdBy"))
        .isEqualTo(TestCredentials.ADMIN_USERNAME);

    JsonObject after = get(day, "application/json").json().asJsonArray().getJsonObject(0);
    assertThat(after.getString("status")).isEqualTo("PRESENT");
    assertThat(after.getBoolean("corrected")).isTrue();
    assertThat(after.getString("lastOut")).startsWith("2026-10-22T17:30");
    assertThat(after.getInt("workedMinutes")).isEqualTo(8 * 60 + 35 - 30);

    Reply noReason =
        post(
            "api/v1/attendance/corrections",
            "{\"employeeNumber\":\"" + seed.e5 + "\",\"date\":\"2026-10-22\",\"out\":\"17:30\"}");
    assertThat(noReason.status()).isEqualTo(422);
    assertThat(noReason.text()).contains("reason");
  }

  @Test
  void leaveRecordedOverRestTurnsScheduledDaysIntoLeave() throws Exception {
    AttendanceSeed seed = AttendanceSeed.get();
    Reply saved =
        post(
            "api/v1/attendance/leave",
            "{\"employeeNumber\":\""
                + seed.e6
                + "\",\"kind\":\"vacation\","
                + "\"firstDay\":\"2026-11-02\",\"lastDay\":\"2026-11-03\"}");
    assertThat(saved.status()).as(saved.text()).isEqualTo(201);
    JsonArray days =
        get(
                "api/v1/attendance/daily?from=2026-11-02&to=2026-11-04&employee=" + q(seed.e6),
                "application/json")
            .json()
            .asJsonArray();
    assertThat(days)
        .extracting(d -> d.asJsonObject().getString("status"))
        .containsExactly("ON_LEAVE", "ON_LEAVE", "ABSENT");

    Reply badKind =
        post(
            "api/v1/attendance/leave",
            "{\"employeeNumber\":\""
                + seed.e6
                + "\",\"kind\":\"sabbatical\","
                + "\"firstDay\":\"2026-11-02\",\"lastDay\":\"2026-11-03\"}");
    assertThat(badKind.status()).isEqualTo(422);
    Reply reversed =
        post(
            "api/v1/attendance/leave",
            "{\"employeeNumber\":\""
                + seed.e6
                + "\",\"kind\":\"SICK\","
                + "\"firstDay\":\"2026-11-05\",\"lastDay\":\"2026-11-03\"}");
    assertThat(reversed.status()).isEqualTo(422);
    assertThat(reversed.text()).contains("before its first day");
  }

  @Test
  void badInputIsAProblemNotAServerError() throws Exception {
    for (String path :
        List.of(
            "api/v1/attendance/daily?from=2026-10-31&to=2026-10-01",
            "api/v1/attendance/daily?from=2026-01-01&to=2026-12-31",
            "api/v1/attendance/daily?from=yesterday&to=2026-10-01",
            "api/v1/attendance/daily?from=2026-10-01&to=2026-10-02&status=NOPE",
            "api/v1/attendance/monthly?month=2026-13",
            "api/v1/attendance/monthly")) {
      for (String accept : List.of("application/json", "text/csv")) {
        Reply reply = get(path, accept);
        assertThat(reply.status()).as(path + " " + accept + ": " + reply.text()).isEqualTo(422);
        assertThat(reply.contentType()).as(path).startsWith("application/problem+json");
      }
    }
    Reply badMonth = get("api/v1/attendance/timesheets/x?month=October", "application/json");
    assertThat(badMonth.status()).isEqualTo(422);
    assertThat(badMonth.text()).contains("month must be a month such as 2026-11");
  }
}
