package dev.facegate.attendance.control;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/** A streaming table export: sheets of rows, written as they come. */
public interface TableWriter extends Closeable {

  /** Starts a sheet (CSV: a blank line and the title between two sheets) with its header row. */
  void sheet(String title, List<String> header) throws IOException;

  /** One row; cells are String, LocalDate, LocalDateTime, Number, Boolean or null. */
  void row(List<Object> cells) throws IOException;

  /** Finishes the file; does not close the caller's stream. */
  @Override
  void close() throws IOException;
}
