package dev.facegate.it.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facegate.access.boundary.CreatedDevice;
import dev.facegate.access.boundary.Devices;
import dev.facegate.access.boundary.DoorDecision;
import dev.facegate.access.boundary.DoorDecisions;
import dev.facegate.access.boundary.DoorPass;
import dev.facegate.access.boundary.NewDevice;
import dev.facegate.access.boundary.SignedRequest;
import dev.facegate.domain.access.DeviceKind;
import dev.facegate.domain.enrolment.FaceTemplate;
import dev.facegate.domain.people.Employee;
import dev.facegate.domain.recognition.Outcome;
import dev.facegate.enrolment.boundary.BulkImport;
import dev.facegate.enrolment.boundary.Enrolment;
import dev.facegate.enrolment.boundary.ImportLine;
import dev.facegate.enrolment.boundary.ImportReport;
import dev.facegate.enrolment.boundary.PhotoVerdict;
import dev.facegate.enrolment.boundary.UploadedPhoto;
import dev.facegate.it.support.Api;
import dev.facegate.it.support.AsAdmin;
import dev.facegate.it.support.Deployments;
import dev.facegate.it.support.DoorClient;
import dev.facegate.it.support.Faces;
import dev.facegate.people.boundary.Employees;
import dev.facegate.people.boundary.NewEmployee;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Units of work at the boundaries, inside WildFly on PostgreSQL: one enrolment photo is one
 * transaction whatever happens to the others in the same upload, and one door frame is one
 * transaction (after a header check that needs none) whose database round trips are counted with
 * Hibernate's statistics.
 */
@ExtendWith(ArquillianExtension.class)
class UnitsOfWorkIT {

  private static final Logger LOG = Logger.getLogger(UnitsOfWorkIT.class.getName());

  /**
   * People no other system test enrols (the system tests share one gallery, and the enrolment gate
   * refuses a face too similar to someone else's): two photos of one person of deepface's test set
   * to enrol and a third to show a door, and one photo of another person for the import.
   */
  private static final String DEEPFACE = "deepface_tests/";

  private static final List<String> DOOR_PERSON_ENROLMENT =
      List.of(DEEPFACE + "img26.jpg", DEEPFACE + "img42.jpg");
  private static final String DOOR_PERSON_AT_THE_DOOR = DEEPFACE + "img28.jpg";
  private static final String IMPORTED_PERSON = DEEPFACE + "img48.jpg";
  private static final List<String> PHOTOS =
      List.of(
          DOOR_PERSON_ENROLMENT.get(0),
          DOOR_PERSON_ENROLMENT.get(1),
          DOOR_PERSON_AT_THE_DOOR,
          IMPORTED_PERSON);

  /**
   * The most statements a door frame of a known face may cost once the door and the settings are in
   * the second-level cache: template existence, the person, the duplicate check, the check-in.
   */
  private static final double MAX_STATEMENTS_PER_MATCH = 4;

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.applicationWithTests(
        PHOTOS, UnitsOfWorkIT.class, Api.class, Api.Reply.class, DoorClient.class);
  }

  @Inject AsAdmin asAdmin;

  @Inject Employees employees;

  @Inject Enrolment enrolment;

  @Inject BulkImport bulkImport;

  @Inject Devices devices;

  @Inject DoorDecisions doors;

  @PersistenceUnit(unitName = "facegate")
  EntityManagerFactory persistence;

  @Test
  void aBadPhotoInABulkImportUndoesNothingAndTheReportSaysWhatIsStored() throws Exception {
    Employee imported = consentingEmployee("Imported Person");
    byte[] good = Faces.resource(IMPORTED_PERSON);
    byte[] truncated = Arrays.copyOf(good, good.length / 3);
    byte[] zip =
        zip(
            imported.getEmployeeNumber() + "/1-good.jpg", good,
            imported.getEmployeeNumber() + "/2-truncated.jpg", truncated,
            imported.getEmployeeNumber() + "/3-text.jpg",
                "no image".getBytes(StandardCharsets.UTF_8));

    ImportReport report = asAdmin.call(() -> bulkImport.importZip(new ByteArrayInputStream(zip)));

    assertThat(report.lines())
        .extracting(ImportLine::outcome)
        .containsExactly(
            ImportLine.Outcome.ENROLLED, ImportLine.Outcome.REFUSED, ImportLine.Outcome.REFUSED);
    List<FaceTemplate> stored = asAdmin.call(() -> enrolment.templates(imported.getId()));
    assertThat(stored).hasSize(1);
    assertThat(report.lines().get(0).message()).contains(String.valueOf(stored.get(0).getId()));
  }

  @Test
  void aDoorFrameIsOneBoundaryCallWithFewDatabaseRoundTrips() throws Exception {
    Employee person = consentingEmployee("Door Person");
    for (String photo : DOOR_PERSON_ENROLMENT) {
      PhotoVerdict verdict =
          asAdmin.call(
              () ->
                  enrolment.enrolPhoto(
                      person.getId(), new UploadedPhoto(photo, Faces.resource(photo))));
      assertThat(verdict.accepted()).as(photo + ": " + verdict.detail()).isTrue();
    }
    KeyPair keys = DoorClient.newKeyPair();
    CreatedDevice door =
        asAdmin.call(
            () ->
                devices.create(
                    NewDevice.withKey(
                        "Units door " + UUID.randomUUID(),
                        DeviceKind.DOOR,
                        "HQ",
                        "Main door",
                        DoorClient.publicKeyText(keys))));
    byte[] frame = Faces.resource(DOOR_PERSON_AT_THE_DOOR);
    Statistics statistics = persistence.unwrap(SessionFactory.class).getStatistics();
    statistics.setStatisticsEnabled(true);
    Instant start = Instant.now();
    // The first frame fills the second-level cache with the door and the settings; it also marks
    // the door seen (a bulk UPDATE, after which Hibernate evicts cached devices), so the second
    // frame loads the door once more.
    DoorDecision first = decide(door, keys, frame, start);
    assertThat(first.open()).isTrue();
    decide(door, keys, frame, start);

    int frames = 3;
    statistics.clear();
    for (int i = 1; i <= frames; i++) {
      DoorDecision decision = decide(door, keys, frame, start.plusSeconds(i));
      assertThat(decision.outcome()).isEqualTo(Outcome.MATCH);
      assertThat(decision.employeeId()).contains(person.getId());
      assertThat(decision.open()).isTrue();
      assertThat(decision.duplicate()).isTrue();
    }
    double statementsPerFrame = (double) statistics.getPrepareStatementCount() / frames;
    double entityLoadsPerFrame = (double) statistics.getEntityLoadCount() / frames;
    long transactions = statistics.getTransactionCount();
    LOG.info(
        () ->
            String.format(
                "Door frame (MATCH): %.1f SQL statements, %.1f entity loads, %.1f L2 hits per"
                    + " frame, %d transactions for %d frames",
                statementsPerFrame,
                entityLoadsPerFrame,
                (double) statistics.getSecondLevelCacheHitCount() / frames,
                transactions,
                frames));
    assertThat(statementsPerFrame).isLessThanOrEqualTo(MAX_STATEMENTS_PER_MATCH);
    assertThat(transactions).as("one transaction per frame").isEqualTo(frames);
  }

  /** What the door resource does: authenticate the headers, then decide with the body. */
  private DoorDecision decide(CreatedDevice door, KeyPair keys, byte[] frame, Instant at) {
    long doorId = door.device().getId();
    DoorPass pass =
        doors.authenticate(
            doorId,
            new SignedRequest(
                "POST",
                DoorClient.path(doorId),
                "",
                DoorClient.signatureHeaders(
                    doorId, DoorClient.sha256(frame), at, keys.getPrivate())));
    return doors.decide(pass, frame);
  }

  private Employee consentingEmployee(String name) throws Exception {
    String number = "UOW-" + UUID.randomUUID().toString().substring(0, 8);
    Employee employee =
        asAdmin.call(() -> employees.create(new NewEmployee(number, name, "Research")));
    asAdmin.call(() -> enrolment.recordConsent(employee.getId(), "2026-11"));
    return employee;
  }

  private static byte[] zip(Object... namesAndContents) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (int i = 0; i < namesAndContents.length; i += 2) {
        zip.putNextEntry(new ZipEntry((String) namesAndContents[i]));
        zip.write((byte[]) namesAndContents[i + 1]);
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }
}
