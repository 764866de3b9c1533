package dev.facegate.enrolment.boundary;

import java.util.List;

/** The per-file report of a bulk import, in archive order. */
public record ImportReport(List<ImportLine> lines) {

  public ImportReport {
    lines = List.copyOf(lines);
  }

  public long count(ImportLine.Outcome outcome) {
    return lines.stream().filter(line -> line.outcome() == outcome).count();
  }
}
