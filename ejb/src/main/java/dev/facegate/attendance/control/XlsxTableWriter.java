package dev.facegate.attendance.control;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * XLSX through POI's streaming SXSSF: only a window of rows is kept in memory, the rest goes to a
 * compressed temporary file that {@link #close} deletes. Real cell types: dates and date-times as
 * dates with a format, numbers as numbers, booleans as booleans.
 */
public class XlsxTableWriter implements TableWriter {

  /** Rows kept in memory per sheet before they are flushed to the temporary file. */
  static final int WINDOW = 200;

  private final OutputStream out;
  private final SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
  private final CellStyle date;
  private final CellStyle dateTime;
  private final CellStyle decimal;
  private final CellStyle header;
  private SXSSFSheet sheet;
  private int next;

  public XlsxTableWriter(OutputStream out) {
    this.out = out;
    workbook.setCompressTempFiles(true);
    short dateFormat = workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd");
    short dateTimeFormat =
        workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm");
    date = workbook.createCellStyle();
    date.setDataFormat(dateFormat);
    dateTime = workbook.createCellStyle();
    dateTime.setDataFormat(dateTimeFormat);
    decimal = workbook.createCellStyle();
    decimal.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("0.00"));
    header = workbook.createCellStyle();
    Font bold = workbook.createFont();
    bold.setBold(true);
    header.setFont(bold);
  }

  @Override
  public void sheet(String title, List<String> columns) {
    sheet = workbook.createSheet(title);
    next = 0;
    Row row = sheet.createRow(next++);
    for (int i = 0; i < columns.size(); i++) {
      Cell cell = row.createCell(i);
      cell.setCellValue(columns.get(i));
      cell.setCellStyle(header);
      sheet.setColumnWidth(i, Math.max(17, columns.get(i).length() + 2) * 256);
    }
    sheet.createFreezePane(0, 1);
  }

  @Override
  public void row(List<Object> cells) {
    Row row = sheet.createRow(next++);
    for (int i = 0; i < cells.size(); i++) {
      Object value = cells.get(i);
      if (value == null) {
        continue; // a blank cell, not an empty string
      }
      Cell cell = row.createCell(i);
      switch (value) {
        case LocalDateTime t -> {
          cell.setCellValue(t);
          cell.setCellStyle(dateTime);
        }
        case LocalDate d -> {
          cell.setCellValue(d);
          cell.setCellStyle(date);
        }
        case Double d -> {
          cell.setCellValue(d);
          cell.setCellStyle(decimal);
        }
        case Number n -> cell.setCellValue(n.doubleValue());
        case Boolean b -> cell.setCellValue(b);
        default -> cell.setCellValue(value.toString());
      }
    }
  }

  @Override
  public void close() throws IOException {
    try {
      workbook.write(out);
      out.flush();
    } finally {
      workbook.close(); // also deletes the temporary files
    }
  }
}
