package dev.facegate.attendance.control;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * RFC 4180 CSV in UTF-8: fields quoted when they need it, dates ISO-8601, date-times as {@code
 * yyyy-MM-dd HH:mm}. A text cell that a spreadsheet would run as a formula (starting with =, +, -
 * or @) is prefixed with an apostrophe.
 */
public class CsvTableWriter implements TableWriter {

  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final Writer out;
  private boolean first = true;

  public CsvTableWriter(OutputStream out) {
    this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
  }

  @Override
  public void sheet(String title, List<String> header) throws IOException {
    if (!first) {
      out.write("\r\n");
      out.write(field(title));
      out.write("\r\n");
    }
    first = false;
    row(List.copyOf(header));
  }

  @Override
  public void row(List<Object> cells) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        line.append(',');
      }
      line.append(field(cells.get(i)));
    }
    out.write(line.append("\r\n").toString());
  }

  static String field(Object value) {
    if (value == null) {
      return "";
    }
    String text =
        switch (value) {
          case LocalDateTime t -> DATE_TIME.format(t);
          case LocalDate d -> d.toString();
          case Boolean b -> b ? "yes" : "no";
          default -> value.toString();
        };
    if (value instanceof String && !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    if (text.indexOf(',') >= 0
        || text.indexOf('"') >= 0
        || text.indexOf('\n') >= 0
        || text.indexOf('\r') >= 0) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }

  @Override
  public void close() throws IOException {
    out.flush();
  }
}
