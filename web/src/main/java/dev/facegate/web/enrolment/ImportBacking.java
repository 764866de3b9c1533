package dev.facegate.web.enrolment;

import dev.facegate.enrolment.boundary.BulkImport;
import dev.facegate.enrolment.boundary.ImportLine;
import dev.facegate.enrolment.boundary.ImportReport;
import dev.facegate.platform.BusinessException;
import dev.facegate.web.platform.CurrentUser;
import dev.facegate.web.platform.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import org.primefaces.event.FileUploadEvent;

/** Bulk import of enrolment photos from a ZIP archive, with its per-file report. */
@Named
@ViewScoped
public class ImportBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject BulkImport bulkImport;

  @Inject CurrentUser user;

  private ImportReport report;

  public void upload(FileUploadEvent event) throws IOException {
    if (!user.mayWrite("import photos")) {
      return;
    }
    try (InputStream zip = event.getFile().getInputStream()) {
      report = bulkImport.importZip(zip);
      Messages.info(
          event.getFile().getFileName()
              + ": "
              + report.count(ImportLine.Outcome.ENROLLED)
              + " enrolled, "
              + report.count(ImportLine.Outcome.REFUSED)
              + " refused, "
              + report.count(ImportLine.Outcome.SKIPPED)
              + " skipped.");
    } catch (BusinessException e) {
      report = null;
      Messages.error(e);
    }
  }

  public ImportReport getReport() {
    return report;
  }
}
