package dev.facegate.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facegate.it.support.Api;
import dev.facegate.it.support.Deployments;
import dev.facegate.it.support.DoorClient;
import dev.facegate.it.support.Faces;
import dev.facegate.it.support.Gallery;
import dev.facegate.it.support.TestCredentials;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An administrator's day in the console, in headless Chromium: enrol an employee from real photos,
 * register a door, read the check-in log and import a ZIP of photos. Screenshots of every page land
 * in target/screenshots.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleAdminIT extends BrowserSession {

  /**
   * Three photos of one person that no other system test enrols (the quality gate refuses a face
   * too similar to someone else's, and the system tests share one gallery).
   */
  private static final String[] ONE_PERSON = {
    "deepface_tests/img1.jpg", "deepface_tests/img2.jpg", "deepface_tests/img4.jpg"
  };

  private static final String NO_FACE = "dlib_faces/dogs.jpg";

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.application();
  }

  @ArquillianResource URL baseUrl;

  private EmployeesPage logIn() {
    return LoginPage.open(browser.driver(), baseUrl.toString())
        .logInAs(TestCredentials.ADMIN_USERNAME, TestCredentials.adminPassword());
  }

  @Test
  void enrolsThreePhotosAfterConsentRefusesAPhotoWithoutAFaceAndErases() {
    String number = "EN-" + UUID.randomUUID().toString().substring(0, 8);
    EmployeesPage employees = logIn();

    assertThat(employees.registerExpectingErrors("bad number!", "", "Lab"))
        .contains("Enter the full name.");
    browser.screenshot("admin-01-employee-validation");

    employees = EmployeesPage.open(browser.driver(), baseUrl.toString());
    employees.register(number, "Grace Hopper", "Research").search(number);
    assertThat(employees.rows()).singleElement().asString().contains(number, "Grace Hopper");
    browser.screenshot("admin-02-employee-registered");

    EnrolmentPage enrolment = employees.openEnrolment(number);
    assertThat(enrolment.consentState()).contains("No consent recorded");
    assertThat(enrolment.uploadOffered()).isFalse();
    assertThat(enrolment.photosCard()).contains("enrolment is refused");
    browser.screenshot("admin-03-enrolment-without-consent");

    enrolment.recordConsent("2026-11");
    assertThat(enrolment.consentState()).contains("Consent recorded", "privacy notice 2026-11");
    browser.screenshot("admin-04-consent-recorded");

    enrolment.upload(
        Faces.dir().resolve(ONE_PERSON[0]),
        Faces.dir().resolve(ONE_PERSON[1]),
        Faces.dir().resolve(ONE_PERSON[2]));
    assertThat(enrolment.results()).hasSize(3).allSatisfy(r -> assertThat(r).contains("Accepted"));
    assertThat(enrolment.faceBoxesShown()).isEqualTo(3);
    assertThat(enrolment.templates()).hasSize(3);
    browser.screenshot("admin-05-three-templates");

    enrolment.upload(Faces.dir().resolve(NO_FACE));
    assertThat(enrolment.results().get(0)).contains("dogs.jpg", "Refused", "No face was found");
    assertThat(enrolment.templates()).hasSize(3);
    browser.screenshot("admin-06-no-face-refused");

    employees = enrolment.backToEmployees().search(number);
    employees.editDepartment("Naval Research").toggleActive("is deactivated");
    employees.search(number);
    assertThat(employees.rows())
        .singleElement()
        .asString()
        .contains("Naval Research", "INACTIVE", "given");
    browser.screenshot("admin-07a-edited-and-deactivated");
    String dialog = employees.openEraseDialog();
    assertThat(dialog)
        .contains("Grace Hopper", "3 face template(s)", "recognition index", "Check-ins are kept");
    browser.screenshot("admin-07-erase-confirmation");
    employees.confirmErase("Grace Hopper");
    browser.screenshot("admin-08-erased");
  }

  @Test
  void registersADoorByItsPublicKey() {
    logIn();
    String name = "Door " + UUID.randomUUID().toString().substring(0, 6);
    KeyPair keys = DoorClient.newKeyPair();
    String pem =
        "-----BEGIN PUBLIC KEY-----\n"
            + DoorClient.publicKeyText(keys)
            + "\n-----END PUBLIC KEY-----";

    DevicesPage devices =
        DevicesPage.open(browser.driver(), baseUrl.toString())
            .registerDoor(name, "Main entrance", pem);

    assertThat(devices.messages()).contains("with key SHA256:");
    assertThat(devices.rows()).anySatisfy(row -> assertThat(row).contains(name, "SHA256:"));
    browser.screenshot("admin-09-device-key");
  }

  @Test
  void registersALegacyDoorAndShowsItsTokenOnlyOnce() {
    logIn();
    String name = "Legacy door " + UUID.randomUUID().toString().substring(0, 6);
    DevicesPage devices =
        DevicesPage.open(browser.driver(), baseUrl.toString())
            .registerLegacyDoor(name, "Back entrance");
    String token = devices.shownToken();
    assertThat(token).isNotBlank();
    assertThat(devices.tokenDialogText()).contains("shown only once");
    browser.screenshot("admin-09-device-token-once");

    devices.closeTokenDialog();
    assertThat(devices.rows())
        .anySatisfy(row -> assertThat(row).contains(name, "Door", "legacy token"));
    assertThat(browser.driver().getPageSource()).doesNotContain(token);
    browser.screenshot("admin-10-devices");

    DevicesPage reloaded = DevicesPage.open(browser.driver(), baseUrl.toString());
    assertThat(browser.driver().getPageSource()).doesNotContain(token);
    assertThat(reloaded.rows()).anySatisfy(row -> assertThat(row).contains(name));
  }

  @Test
  void filtersTheCheckInLogByDecision() {
    Gallery gallery = new Gallery(Api.asAdmin(baseUrl));
    String doorName = "Log door " + UUID.randomUUID().toString().substring(0, 6);
    DoorClient door = gallery.door(doorName);
    byte[] dogs = Faces.read(NO_FACE);
    assertThat(door.decide(dogs).status()).isEqualTo(200);
    // The same frame again: each signature carries a fresh nonce, so it is no replay.
    assertThat(door.decide(dogs).status()).isEqualTo(200);
    assertThat(door.decide(Faces.read("azure_face_samples/Family3-Lady1.jpg")).status())
        .isEqualTo(200);

    logIn();
    CheckInsPage log = CheckInsPage.open(browser.driver(), baseUrl.toString());
    browser.screenshot("admin-11-check-in-log");

    log.device(doorName).apply(3);
    assertThat(log.decisions()).hasSize(3).contains("NO_FACE");
    log.decision("NO_FACE").apply(2);
    assertThat(log.decisions()).containsExactly("NO_FACE", "NO_FACE");
    assertThat(log.rows()).allSatisfy(row -> assertThat(row).contains(doorName));
    browser.screenshot("admin-12-check-ins-no-face");
  }

  @Test
  void importsAZipAndReportsOnEveryFile() throws IOException {
    Gallery gallery = new Gallery(Api.asAdmin(baseUrl));
    String number = gallery.employee("Import Person", "Testing");
    gallery.consent(number);
    String stranger = "NOBODY-" + UUID.randomUUID().toString().substring(0, 6);
    Path zip = Files.createTempFile("facegate-import", ".zip");
    try {
      try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
        entry(out, number + "/dogs.jpg", Faces.read(NO_FACE));
        entry(out, stranger + "/photo.jpg", Faces.read(NO_FACE));
        entry(out, number + "/notes.txt", "not a photo".getBytes(StandardCharsets.UTF_8));
      }
      logIn();
      ImportPage page = ImportPage.open(browser.driver(), baseUrl.toString());
      browser.screenshot("admin-13-import");

      page.upload(zip);
      assertThat(page.messages()).contains("0 enrolled, 1 refused, 2 skipped");
      assertThat(page.report())
          .hasSize(3)
          .anySatisfy(row -> assertThat(row).contains("dogs.jpg", "REFUSED", "No face was found"))
          .anySatisfy(row -> assertThat(row).contains(stranger, "SKIPPED", "No employee"))
          .anySatisfy(row -> assertThat(row).contains("notes.txt", "SKIPPED", "Only JPEG and PNG"));
      browser.screenshot("admin-14-import-report");
    } finally {
      Files.deleteIfExists(zip);
    }
  }

  private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content);
    zip.closeEntry();
  }
}
