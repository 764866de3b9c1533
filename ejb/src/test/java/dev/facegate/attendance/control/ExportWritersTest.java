package dev.facegate.attendance.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facegate.attendance.boundary.DailyRow;
import dev.facegate.attendance.boundary.Person;
import dev.facegate.attendance.boundary.TimesheetRow;
import dev.facegate.domain.attendance.DayStatus;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class ExportWritersTest {

  private static final Person ANNA =
      new Person(1, "R-001", "Anna, \"the\" Tester", "Ops", "main", ZoneId.of("Europe/Berlin"));

  private static DailyRow row(LocalDate date, DayStatus status, long worked, boolean corrected) {
    return new DailyRow(
        ANNA.id(),
        ANNA.number(),
        ANNA.name(),
        ANNA.department(),
        ANNA.site(),
        ANNA.zone().getId(),
        date,
        status,
        status == DayStatus.DAY_OFF ? null : "Day",
        status == DayStatus.PRESENT ? date.atTime(8, 58) : null,
        status == DayStatus.PRESENT ? date.atTime(17, 1) : null,
        worked,
        0,
        0,
        3,
        corrected,
        false);
  }

  @Test
  void csvQuotesWhatNeedsItAndDefusesFormulas() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TableWriter w = new CsvTableWriter(out)) {
      w.sheet("Daily", ReportColumns.DAILY);
      w.row(ReportColumns.cells(row(LocalDate.parse("2026-11-02"), DayStatus.PRESENT, 453, true)));
      w.row(java.util.Arrays.asList("=1+1", null, 2L));
    }
    String[] lines = out.toString(StandardCharsets.UTF_8).split("\r\n");
    assertThat(lines[0]).startsWith("Employee number,Name,Department,Site,Date,Status");
    assertThat(lines[1])
        .isEqualTo(
            "R-001,\"Anna, \"\"the\"\" Tester\",Ops,main,2026-11-02,PRESENT,Day,"
                + "2026-11-02 08:58,2026-11-02 17:01,7.55,0,0,3,yes");
    assertThat(lines[2]).isEqualTo("'=1+1,,2");
  }

  @Test
  void xlsxHasRealCellTypes() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TableWriter w = new XlsxTableWriter(out)) {
      w.sheet("Daily 2026-11", ReportColumns.DAILY);
      // more rows than the streaming window, so some are flushed to the temporary file
      for (int i = 0; i < XlsxTableWriter.WINDOW * 3; i++) {
        w.row(
            ReportColumns.cells(
                row(
                    LocalDate.parse("2026-11-02").plusDays(i % 28),
                    DayStatus.PRESENT,
                    453,
                    false)));
      }
      w.row(ReportColumns.cells(row(LocalDate.parse("2026-11-07"), DayStatus.DAY_OFF, 0, false)));
    }
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
      Sheet sheet = book.getSheet("Daily 2026-11");
      assertThat(sheet.getLastRowNum()).isEqualTo(XlsxTableWriter.WINDOW * 3 + 1);
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Employee number");
      Row first = sheet.getRow(1);
      assertThat(first.getCell(0).getStringCellValue()).isEqualTo("R-001");
      assertThat(first.getCell(4).getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(DateUtil.isCellDateFormatted(first.getCell(4))).isTrue();
      assertThat(first.getCell(4).getLocalDateTimeCellValue())
          .isEqualTo(LocalDateTime.parse("2026-11-02T00:00"));
      assertThat(first.getCell(7).getLocalDateTimeCellValue())
          .isEqualTo(LocalDateTime.parse("2026-11-02T08:58"));
      assertThat(first.getCell(9).getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(first.getCell(9).getNumericCellValue()).isEqualTo(7.55);
      assertThat(first.getCell(12).getNumericCellValue()).isEqualTo(3.0);
      assertThat(first.getCell(13).getCellType()).isEqualTo(CellType.BOOLEAN);
      Row dayOff = sheet.getRow(sheet.getLastRowNum());
      assertThat(dayOff.getCell(5).getStringCellValue()).isEqualTo("DAY_OFF");
      assertThat(dayOff.getCell(6)).isNull(); // no shift: a blank cell, not ""
      assertThat(dayOff.getCell(7)).isNull();
    }
  }

  @Test
  void pdfTimesheetRendersToAPage() throws IOException, InterruptedException {
    YearMonth month = YearMonth.of(2026, 11);
    List<DailyRow> days = new ArrayList<>();
    for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
      boolean weekend = d.getDayOfWeek().getValue() >= 6;
      days.add(
          row(
              d,
              weekend ? DayStatus.DAY_OFF : DayStatus.PRESENT,
              weekend ? 0 : 453,
              d.getDayOfMonth() == 3));
    }
    TimesheetRow totals = new TimesheetRow(ANNA, 21, 21, 0, 0, 0, 0, 0, 1, 21 * 453, 0, 0, 63);
    Path dir = Path.of("target", "pdf");
    Files.createDirectories(dir);
    Path pdf = dir.resolve("reports-timesheet.pdf");
    try (var out = Files.newOutputStream(pdf)) {
      PdfTimesheet.write(ANNA, month, days, totals, out);
    }
    byte[] bytes = Files.readAllBytes(pdf);
    assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    Process render =
        new ProcessBuilder(
                "pdftoppm",
                "-png",
                "-r",
                "60",
                "-singlefile",
                pdf.toString(),
                dir.resolve("reports-timesheet").toString())
            .redirectErrorStream(true)
            .start();
    assertThat(render.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(render.exitValue()).as(new String(render.getInputStream().readAllBytes())).isZero();
    Path png = dir.resolve("reports-timesheet.png");
    assertThat(png).exists();
    java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
    // A4 landscape at 60 dpi: about 702 x 496 pixels
    assertThat(image.getWidth()).isGreaterThan(image.getHeight());
    assertThat(image.getWidth()).isBetween(690, 710);
  }
}
