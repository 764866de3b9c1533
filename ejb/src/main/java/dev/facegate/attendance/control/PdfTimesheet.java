package dev.facegate.attendance.control;

import dev.facegate.attendance.boundary.DailyRow;
import dev.facegate.attendance.boundary.Person;
import dev.facegate.attendance.boundary.TimesheetRow;
import java.awt.Color;
import java.io.OutputStream;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.FontFactory;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

/** A printable monthly timesheet of one employee (A4 landscape, one table, totals, signatures). */
public final class PdfTimesheet {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
  private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("dd.MM. HH:mm");
  private static final String[] HEADER = {
    "Date", "Day", "Status", "Shift", "In", "Out", "Worked", "Late", "Early", "Overtime", "Note"
  };

  private PdfTimesheet() {}

  /** Writes the timesheet; does not close {@code out}. */
  public static void write(
      Person person, YearMonth month, List<DailyRow> days, TimesheetRow totals, OutputStream out) {
    Document document = new Document(PageSize.A4.rotate(), 36, 36, 30, 30);
    PdfWriter writer = PdfWriter.getInstance(document, out);
    writer.setCloseStream(false);
    document.addTitle("Timesheet " + person.number() + " " + month);
    document.addCreator("FaceGate");
    document.open();
    Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 15);
    Font normal = FontFactory.getFont(FontFactory.HELVETICA, 9);
    Font bold = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9);
    Font muted = FontFactory.getFont(FontFactory.HELVETICA, 8, Font.NORMAL, Color.DARK_GRAY);
    document.add(
        new Paragraph(
            "Timesheet "
                + month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                + " "
                + month.getYear(),
            title));
    document.add(
        new Paragraph(
            person.name()
                + "  ·  "
                + person.number()
                + "  ·  "
                + person.department()
                + "  ·  site "
                + person.site()
                + " ("
                + person.zone().getId()
                + ")",
            normal));
    document.add(new Paragraph(" ", muted));

    PdfPTable table = new PdfPTable(new float[] {9, 5, 10, 10, 6, 9, 7, 6, 6, 8, 8});
    table.setWidthPercentage(100);
    table.setHeaderRows(1);
    for (String h : HEADER) {
      PdfPCell cell = new PdfPCell(new Phrase(h, bold));
      cell.setBackgroundColor(new Color(0xE8, 0xED, 0xF3));
      cell.setPadding(3);
      table.addCell(cell);
    }
    for (DailyRow d : days) {
      boolean weekend = d.shift() == null;
      add(table, d.date().toString(), normal, weekend);
      add(
          table,
          d.date().getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH),
          normal,
          weekend);
      add(table, d.status().name().replace('_', ' '), normal, weekend);
      add(table, d.shift() == null ? "" : d.shift(), normal, weekend);
      add(table, d.firstIn() == null ? "" : TIME.format(d.firstIn()), normal, weekend);
      add(
          table,
          d.lastOut() == null
              ? ""
              : d.lastOut().toLocalDate().equals(d.date())
                  ? TIME.format(d.lastOut())
                  : DAY_TIME.format(d.lastOut()),
          normal,
          weekend);
      add(table, duration(d.workedMinutes()), normal, weekend);
      add(table, d.lateMinutes() == 0 ? "" : d.lateMinutes() + " min", normal, weekend);
      add(table, d.earlyLeaveMinutes() == 0 ? "" : d.earlyLeaveMinutes() + " min", normal, weekend);
      add(table, d.overtimeMinutes() == 0 ? "" : duration(d.overtimeMinutes()), normal, weekend);
      add(table, d.corrected() ? "corrected" : "", normal, weekend);
    }
    document.add(table);
    document.add(new Paragraph(" ", muted));
    document.add(
        new Paragraph(
            "Days present "
                + totals.presentDays()
                + " of "
                + totals.scheduledDays()
                + " scheduled  ·  late "
                + totals.lateDays()
                + "  ·  absences "
                + totals.absentDays()
                + "  ·  leave "
                + totals.leaveDays()
                + "  ·  holidays "
                + totals.holidayDays()
                + "  ·  worked "
                + duration(totals.workedMinutes())
                + "  ·  overtime "
                + duration(totals.overtimeMinutes()),
            bold));
    document.add(
        new Paragraph(
            "Times are local to the site. Corrected days carry HR's correction (the check-ins"
                + " stay unchanged). Worked time excludes the unpaid break.",
            muted));
    document.add(new Paragraph(" ", muted));
    document.add(
        new Paragraph(
            "Employee: ______________________________        HR: ______________________________",
            normal));
    document.close();
  }

  private static void add(PdfPTable table, String text, Font font, boolean shaded) {
    PdfPCell cell = new PdfPCell(new Phrase(text, font));
    cell.setPadding(2.5f);
    cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
    if (shaded) {
      cell.setBackgroundColor(new Color(0xF6, 0xF7, 0xF9));
    }
    table.addCell(cell);
  }

  /** "7:30" for 450 minutes; empty for none. */
  static String duration(long minutes) {
    return minutes == 0 ? "" : String.format(Locale.ROOT, "%d:%02d", minutes / 60, minutes % 60);
  }
}
