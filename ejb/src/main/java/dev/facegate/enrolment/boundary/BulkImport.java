package dev.facegate.enrolment.boundary;

import dev.facegate.domain.people.Employee;
import dev.facegate.faces.boundary.FaceAnalysis;
import dev.facegate.people.boundary.Employees;
import dev.facegate.platform.BusinessException;
import dev.facegate.platform.InvalidInputException;
import dev.facegate.platform.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Enrols many employees at once from a ZIP of {@code employeeNumber/photo.jpg} entries.
 *
 * <p>The archive is read completely before anything is enrolled, under three limits that hold
 * against zip bombs whatever the entry headers claim: the number of entries, the inflated size of
 * each file and the inflated size of all files together. Breaking one refuses the whole archive.
 * Each photo is then enrolled in a transaction of its own, so one failure undoes nothing else and
 * the report says exactly what is stored.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@RolesAllowed(Roles.ADMIN)
public class BulkImport {

  private static final Logger LOG = Logger.getLogger(BulkImport.class.getName());

  @Inject Enrolment enrolment;

  @Inject Employees employees;

  @Inject
  @ConfigProperty(name = "facegate.import.max-entries")
  int maxEntries;

  @Inject
  @ConfigProperty(name = "facegate.import.max-file-bytes")
  long maxFileBytes;

  @Inject
  @ConfigProperty(name = "facegate.import.max-total-bytes")
  long maxTotalBytes;

  /**
   * Imports the archive and reports on every file in it.
   *
   * @throws InvalidInputException if the archive is not a ZIP or breaks one of the limits; nothing
   *     is enrolled then
   */
  public ImportReport importZip(InputStream archive) {
    List<ImportLine> skipped = new ArrayList<>();
    Map<String, List<UploadedPhoto>> photosByNumber = new LinkedHashMap<>();
    read(archive, skipped, photosByNumber);

    List<ImportLine> lines = new ArrayList<>(skipped);
    photosByNumber.forEach((number, photos) -> lines.addAll(enrol(number, photos)));
    return new ImportReport(lines);
  }

  private void read(
      InputStream archive, List<ImportLine> skipped, Map<String, List<UploadedPhoto>> photos) {
    int entries = 0;
    long total = 0;
    boolean any = false;
    try (ZipInputStream zip = new ZipInputStream(archive)) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        any = true;
        if (++entries > maxEntries) {
          throw new InvalidInputException(
              List.of("The archive has more than " + maxEntries + " entries."));
        }
        if (entry.isDirectory()) {
          continue;
        }
        String name = entry.getName();
        String[] parts = name.split("/");
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
          skipped.add(skip(name, "", "Not in the form employeeNumber/photo.jpg."));
          continue;
        }
        if (parts[1].startsWith(".") || parts[0].startsWith("__MACOSX")) {
          continue;
        }
        if (!FaceAnalysis.hasAcceptedExtension(parts[1])) {
          skipped.add(
              skip(
                  name,
                  parts[0],
                  "Only " + FaceAnalysis.acceptedFormats("and") + " photos are imported."));
          continue;
        }
        byte[] content = readLimited(zip, name);
        total += content.length;
        if (total > maxTotalBytes) {
          throw new InvalidInputException(
              List.of(
                  "The archive inflates to more than " + maxTotalBytes / (1024 * 1024) + " MB."));
        }
        photos
            .computeIfAbsent(parts[0], n -> new ArrayList<>())
            .add(new UploadedPhoto(name, content));
      }
    } catch (ZipException e) {
      throw new InvalidInputException(List.of("The file is not a readable ZIP archive."));
    } catch (IOException e) {
      throw new InvalidInputException(List.of("The archive could not be read: " + e.getMessage()));
    }
    if (!any) {
      throw new InvalidInputException(List.of("The archive is empty or not a ZIP file."));
    }
  }

  /** Reads one entry, stopping as soon as it inflates past the per-file limit. */
  private byte[] readLimited(InputStream in, String name) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    long size = 0;
    for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
      size += n;
      if (size > maxFileBytes) {
        throw new InvalidInputException(
            List.of(name + " inflates to more than " + maxFileBytes / (1024 * 1024) + " MB."));
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  private List<ImportLine> enrol(String number, List<UploadedPhoto> photos) {
    Optional<Employee> employee = employees.findByNumber(number);
    if (employee.isEmpty()) {
      return skipAll(photos, number, "No employee has the number " + number + ".");
    }
    if (!employee.get().hasConsent()) {
      return skipAll(photos, number, "No consent is recorded for " + number + ".");
    }
    long id = employee.get().getId();
    return photos.stream().map(photo -> enrol(id, number, photo)).toList();
  }

  /**
   * One photo, one transaction (this bean runs outside transactions, so each boundary call starts
   * its own): the line says exactly what was stored, whatever happens to the other photos.
   */
  private ImportLine enrol(long employeeId, String number, UploadedPhoto photo) {
    try {
      PhotoVerdict verdict = enrolment.enrolPhoto(employeeId, photo);
      return verdict.accepted()
          ? new ImportLine(
              verdict.fileName(),
              number,
              ImportLine.Outcome.ENROLLED,
              "Enrolled as template " + verdict.templateId().orElseThrow() + ".")
          : new ImportLine(
              verdict.fileName(),
              number,
              ImportLine.Outcome.REFUSED,
              verdict.refusal().map(Refusal::message).orElse(verdict.detail()));
    } catch (BusinessException e) {
      return skip(photo.fileName(), number, e.getMessage());
    } catch (EJBException e) {
      LOG.log(Level.WARNING, "Bulk import of a photo of " + number + " failed", e);
      return skip(
          photo.fileName(), number, "Could not be stored (see the server log); import it again.");
    }
  }

  private static List<ImportLine> skipAll(List<UploadedPhoto> photos, String number, String why) {
    return photos.stream().map(photo -> skip(photo.fileName(), number, why)).toList();
  }

  private static ImportLine skip(String entry, String number, String why) {
    return new ImportLine(entry, number, ImportLine.Outcome.SKIPPED, why);
  }
}
