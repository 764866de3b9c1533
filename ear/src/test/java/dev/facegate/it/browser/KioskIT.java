package dev.facegate.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import dev.facegate.it.kiosk.KioskChallengeIT;
import dev.facegate.it.support.Api;
import dev.facegate.it.support.Browser;
import dev.facegate.it.support.Bursts;
import dev.facegate.it.support.Deployments;
import dev.facegate.it.support.Faces;
import dev.facegate.it.support.FakeCamera;
import dev.facegate.it.support.Gallery;
import dev.facegate.it.support.KioskClient;
import dev.facegate.it.support.ScriptedCamera;
import dev.facegate.it.support.TestCredentials;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

/**
 * The kiosk in headless Chromium with a fake camera playing a video made at test time from shared
 * photos (see {@link FakeCamera}): pairing with the console's code, an enrolled person greeted
 * once, a stranger not recognised, the badge pad and its lockout, a disabled kiosk sent back to
 * pairing, a refused camera. Screenshots {@code kiosk-*} land in target/screenshots.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class KioskIT extends BrowserSession {

  /**
   * One person (cluster 4 of the deepface test photos) that no other system test enrols: two photos
   * to enrol, a third, different one for the camera.
   */
  private static final String[] ENROLMENT = {"deepface_tests/img3.jpg", "deepface_tests/img53.jpg"};

  private static final String CAMERA_PHOTO = "deepface_tests/img12.jpg";

  /** Someone nobody enrols (cluster 6). */
  private static final String STRANGER = "deepface_tests/img13.jpg";

  private static final Duration DECISION = Duration.ofSeconds(60);

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.application();
  }

  @ArquillianResource URL baseUrl;

  /** The kiosk's own browser; the test's {@code browser} is the administrator's. */
  private Browser kioskBrowser;

  private Browser kioskBrowser(Path video, Dimension window) {
    return kioskBrowser(
        List.of(
            "--use-fake-ui-for-media-stream",
            "--use-fake-device-for-media-stream",
            "--use-file-for-fake-video-capture=" + video),
        window);
  }

  private Browser kioskBrowser(List<String> switches, Dimension window) {
    kioskBrowser = new Browser(switches, window);
    return kioskBrowser;
  }

  /** The kiosk's last page too, whatever the outcome: the first thing to look at on a failure. */
  @AfterEach
  void kioskScreenshot(TestInfo test) {
    if (kioskBrowser != null) {
      try {
        kioskBrowser.screenshot("last-kiosk-" + test.getDisplayName());
      } catch (RuntimeException closedAlready) {
        // The test closed its kiosk browser; its screenshots were taken before.
      }
      kioskBrowser.close();
      kioskBrowser = null;
    }
  }

  private static String name(String prefix) {
    return prefix + " " + UUID.randomUUID().toString().substring(0, 6);
  }

  @Test
  void pairsWithTheConsoleCodeAndGreetsTheEnrolledPersonWithExactlyOneCheckIn() throws Exception {
    Api admin = Api.asAdmin(baseUrl);
    String number = new Gallery(admin).enrolled("Ada Kiosk", ENROLMENT);
    long employeeId =
        admin.get("api/v1/employees/" + number).json().getJsonNumber("id").longValue();

    LoginPage.open(browser.driver(), baseUrl.toString())
        .logInAs(TestCredentials.ADMIN_USERNAME, TestCredentials.adminPassword());
    String kioskName = name("Entrance kiosk");
    DevicesPage devices =
        DevicesPage.open(browser.driver(), baseUrl.toString()).registerKiosk(kioskName);
    String code = devices.shownPairingCode();
    assertThat(code).matches("[A-Z2-9]{5}-[A-Z2-9]{5}");
    assertThat(qrText(devices.shownPairingQr())).isEqualTo(code);
    assertThat(devices.pairingDialogText()).contains(kioskName, "/kiosk", "works once");
    browser.screenshot("kiosk-01-console-pairing-code");
    devices.closePairingDialog();
    assertThat(devices.rows()).anySatisfy(r -> assertThat(r).contains(kioskName, "not paired"));
    // This test is about pairing and the greeting; the head-turn challenge has its own tests.
    Api.Reply challengeOff =
        admin.putJson(
            "api/v1/devices/" + deviceId(admin, kioskName) + "/liveness-challenge",
            "{\"enabled\":false}");
    assertThat(challengeOff.status()).as(challengeOff.body()).isEqualTo(200);

    Path video = new FakeCamera().empty(2).photo(CAMERA_PHOTO, 5).empty(25).write("kiosk-enrolled");
    {
      Browser kioskBrowser = kioskBrowser(video, new Dimension(1280, 800));
      KioskPage kiosk = KioskPage.open(kioskBrowser.driver(), baseUrl.toString());
      assertThat(kiosk.pairingScreenShown()).isTrue();
      kioskBrowser.screenshot("kiosk-02-pairing-screen");
      assertThat(kiosk.pairExpectingRefusal("ABCDE-FGHJK")).contains("not valid");
      kiosk.pair(code.toLowerCase());
      assertThat(kiosk.kioskName()).isEqualTo(kioskName);

      String greeting = kiosk.awaitState("checked-in", DECISION);
      assertThat(greeting)
          .matches("Good (morning|afternoon|evening), Ada — checked in \\d\\d:\\d\\d");
      kioskBrowser.screenshot("kiosk-03-greeting");
      kiosk.awaitState("idle", DECISION);

      long kioskId = deviceId(admin, kioskName);
      List<JsonObject> checkIns = checkInsOf(admin, kioskId);
      assertThat(checkIns)
          .as("one attempt, one check-in, whatever the number of frames")
          .singleElement()
          .satisfies(
              c -> {
                assertThat(c.getString("outcome")).isEqualTo("MATCH");
                assertThat(c.getString("method")).isEqualTo("FACE");
                assertThat(c.getString("direction")).isEqualTo("IN");
                assertThat(c.getJsonNumber("employeeId").longValue()).isEqualTo(employeeId);
                assertThat(c.getBoolean("doorOpened")).isFalse();
              });
      assertThat(kiosk.timings()).hasSize(1);
    }
    DevicesPage.open(browser.driver(), baseUrl.toString());
    assertThat(new DevicesPage(browser.driver()).rows())
        .anySatisfy(r -> assertThat(r).contains(kioskName, "paired browser"));
  }

  /**
   * The side is random, so the camera is one the test drives ({@link ScriptedCamera}): it shows the
   * recognised person frontal, reads the side the page asks for, then shows her turning to it
   * (penny2 -> penny3, mirrored for a left turn) and back. The site's time limit is 15 s instead of
   * 4 s because the shared 2-core test machine takes up to a second or more per frame.
   */
  @Test
  void aPersonWhoTurnsTheHeadAsAskedIsGreetedWithLivenessPassed() {
    Api admin = Api.asAdmin(baseUrl);
    new Gallery(admin).enrolledOnce(KioskChallengeIT.PERSON_NAME, KioskChallengeIT.ENROLMENT);
    String site = "challenge-live-" + System.nanoTime();
    Api.Reply bounds =
        admin.putJson(
            "api/v1/settings/liveness/sites/" + site,
            "{\"frontalYawDegrees\":10,\"turnYawDegrees\":20,\"timeLimitMillis\":15000,"
                + "\"minResidual\":0.06}");
    assertThat(bounds.status()).as(bounds.body()).isEqualTo(200);
    KioskClient.Created created = KioskClient.createWithChallenge(admin, name("Live kiosk"), site);
    byte[] frontal = Faces.read(KioskChallengeIT.FRONTAL);
    byte[] turned = Faces.read(KioskChallengeIT.TURNED_RIGHT);
    {
      Browser kioskBrowser =
          kioskBrowser(List.of("--use-fake-ui-for-media-stream"), new Dimension(1280, 800));
      ScriptedCamera camera = ScriptedCamera.install(kioskBrowser);
      KioskPage kiosk =
          KioskPage.open(kioskBrowser.driver(), baseUrl.toString()).pair(created.pairingCode());
      camera.then(frontal, 1000).play();

      kiosk.awaitState("challenge", DECISION);
      String side =
          kioskBrowser.driver().findElement(By.id("challenge")).getDomAttribute("data-side");
      boolean left = "LEFT".equals(side);
      camera
          .then(left ? Bursts.mirrored(frontal) : frontal, 1500)
          .then(left ? Bursts.mirrored(turned) : turned, 3000)
          .then(left ? Bursts.mirrored(frontal) : frontal, 1000)
          .play();

      String greeting = kiosk.awaitState("checked-in", DECISION);
      assertThat(greeting).contains("Penny", "checked in");
      kioskBrowser.screenshot("kiosk-14-head-turn-passed");
      assertThat(checkInsOf(admin, created.deviceId()))
          .singleElement()
          .satisfies(
              c -> {
                assertThat(c.getString("outcome")).isEqualTo("MATCH");
                assertThat(c.getString("liveness")).isEqualTo("PASSED");
                assertThat(c.getString("reason")).contains("Head turn");
              });
    }
  }

  @Test
  void aTiltedPrintIsAskedToTurnTheHeadAndEndsLivenessFailedWithRetryOrBadge() {
    Api admin = Api.asAdmin(baseUrl);
    new Gallery(admin).enrolledOnce(KioskChallengeIT.PERSON_NAME, KioskChallengeIT.ENROLMENT);
    KioskClient.Created created =
        KioskClient.createWithChallenge(
            admin, name("Challenge kiosk"), "challenge-page-" + System.nanoTime());
    byte[] print = Faces.read(KioskChallengeIT.FRONTAL);
    FakeCamera camera = new FakeCamera().empty(1).image(print, 4);
    for (int sweep = 0; sweep < 4; sweep++) {
      for (byte[] tilted : Bursts.tilted(print, 9, 40, 29 + sweep)) {
        camera.image(tilted, 0.4);
      }
    }
    Path video = camera.empty(25).write("kiosk-tilted-print");
    {
      Browser kioskBrowser = kioskBrowser(video, new Dimension(1280, 800));
      KioskPage kiosk =
          KioskPage.open(kioskBrowser.driver(), baseUrl.toString()).pair(created.pairingCode());

      String instruction = kiosk.awaitState("challenge", DECISION);
      assertThat(instruction).containsPattern("Turn your head to the (left|right), then look back");
      String side =
          kioskBrowser.driver().findElement(By.id("challenge")).getDomAttribute("data-side");
      assertThat(side).isIn("LEFT", "RIGHT");
      assertThat(instruction).contains(side.toLowerCase(java.util.Locale.ROOT));
      assertThat(kioskBrowser.driver().findElement(By.id("challenge-arrow")).getText())
          .isNotBlank();
      kioskBrowser.screenshot("kiosk-12-head-turn-challenge");

      String failed = kiosk.awaitState("liveness-failed", DECISION);
      assertThat(failed).contains("try again", "badge");
      kioskBrowser.screenshot("kiosk-13-liveness-failed");

      assertThat(checkInsOf(admin, created.deviceId()))
          .singleElement()
          .satisfies(
              c -> {
                assertThat(c.getString("outcome")).isEqualTo("LIVENESS_FAILED");
                assertThat(c.getString("liveness")).isEqualTo("FAILED");
                assertThat(c.getString("reason")).contains("TIMED_OUT");
                assertThat(c.containsKey("employeeId")).as("no employee").isFalse();
              });
    }
  }

  @Test
  void aStrangerIsNotRecognisedOnAPortraitTabletAndOneUnknownCheckInIsRecorded() {
    Api admin = Api.asAdmin(baseUrl);
    KioskClient.Created created = KioskClient.create(admin, name("Tablet kiosk"));
    Path video = new FakeCamera().empty(1).photo(STRANGER, 7).empty(25).write("kiosk-stranger");
    {
      Browser kioskBrowser = kioskBrowser(video, new Dimension(1080, 1920));
      KioskPage kiosk =
          KioskPage.open(kioskBrowser.driver(), baseUrl.toString()).pair(created.pairingCode());
      kiosk.awaitState("attempt", DECISION);
      kioskBrowser.screenshot("kiosk-04-portrait-attempt-with-face-box");

      String message = kiosk.awaitState("not-recognised", DECISION);
      assertThat(message).contains("Not recognised", "use your badge");
      kioskBrowser.screenshot("kiosk-05-portrait-not-recognised");
      kiosk.awaitState("idle", DECISION);

      assertThat(checkInsOf(admin, created.deviceId()))
          .singleElement()
          .satisfies(
              c -> {
                assertThat(c.getString("outcome")).isEqualTo("UNKNOWN");
                assertThat(c.getString("method")).isEqualTo("FACE");
                assertThat(c.containsKey("employeeId")).as("no employee").isFalse();
              });
    }
  }

  @Test
  void theBadgePadChecksInAndLocksAfterFiveWrongPins() {
    Api admin = Api.asAdmin(baseUrl);
    Gallery gallery = new Gallery(admin);
    String grace = gallery.employee("Grace Badge", "Testing");
    String alan = gallery.employee("Alan Badge", "Testing");
    issuePin(admin, grace, "4711");
    issuePin(admin, alan, "2468");
    KioskClient.Created created = KioskClient.create(admin, name("Badge kiosk"));
    Path video = new FakeCamera().empty(30).write("kiosk-empty");
    {
      Browser kioskBrowser = kioskBrowser(video, new Dimension(1280, 800));
      KioskPage kiosk =
          KioskPage.open(kioskBrowser.driver(), baseUrl.toString()).pair(created.pairingCode());
      kiosk.awaitState("idle", DECISION);

      kiosk.choose("IN").badge(grace, "4711");
      assertThat(kiosk.awaitState("checked-in", DECISION))
          .matches("Good (morning|afternoon|evening), Grace — checked in \\d\\d:\\d\\d");
      kioskBrowser.screenshot("kiosk-06-badge-accepted");

      for (int i = 1; i <= 4; i++) {
        kiosk.badge(alan, "1357");
        assertThat(kiosk.badgeMessage()).as("try " + i).contains("not recognised");
      }
      kiosk.badge(alan, "1357");
      assertThat(kiosk.badgeMessage()).contains("Too many wrong tries");
      kioskBrowser.screenshot("kiosk-07-badge-locked");
      kiosk.badge(alan, "2468");
      assertThat(kiosk.badgeMessage())
          .as("the right PIN is refused while locked")
          .contains("Too many wrong tries");

      assertThat(checkInsOf(admin, created.deviceId()))
          .singleElement()
          .satisfies(
              c -> {
                assertThat(c.getString("method")).isEqualTo("BADGE");
                assertThat(c.getString("direction")).isEqualTo("IN");
                assertThat(c.getString("outcome")).isEqualTo("MATCH");
              });
    }
  }

  @Test
  void disablingTheKioskSendsItBackToThePairingScreen() {
    Api admin = Api.asAdmin(baseUrl);
    KioskClient.Created created = KioskClient.create(admin, name("Disabled kiosk"));
    Path video = new FakeCamera().empty(30).write("kiosk-empty-2");
    {
      Browser kioskBrowser = kioskBrowser(video, new Dimension(1280, 800));
      KioskPage kiosk =
          KioskPage.open(kioskBrowser.driver(), baseUrl.toString()).pair(created.pairingCode());
      kiosk.awaitState("idle", DECISION);
      kioskBrowser.screenshot("kiosk-08-idle");

      Api.Reply disabled =
          admin.postJson("api/v1/devices/" + created.deviceId() + "/disable", "{}");
      assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);

      kiosk.awaitPairingScreen(Duration.ofSeconds(30));
      kioskBrowser.screenshot("kiosk-09-disabled-back-to-pairing");
      assertThat(kiosk.pairingScreenShown()).isTrue();
    }
  }

  @Test
  void aRefusedCameraSaysHowToAllowItAndOffersTheBadgePad() {
    Api admin = Api.asAdmin(baseUrl);
    KioskClient.Created created = KioskClient.create(admin, name("No camera kiosk"));
    {
      Browser kioskBrowser =
          kioskBrowser(
              List.of("--use-fake-device-for-media-stream", "--deny-permission-prompts"),
              new Dimension(1280, 800));
      KioskPage kiosk =
          KioskPage.open(kioskBrowser.driver(), baseUrl.toString()).pair(created.pairingCode());

      kiosk.awaitState("camera-blocked", DECISION);
      assertThat(kiosk.cameraProblem()).contains("blocked", "Allow", "badge or PIN");
      assertThat(kiosk.status()).contains("badge or PIN");
      kioskBrowser.screenshot("kiosk-10-camera-blocked");
    }
  }

  @Test
  void withoutACameraTheKioskSaysSoAndOffersTheBadgePad() {
    Api admin = Api.asAdmin(baseUrl);
    KioskClient.Created created = KioskClient.create(admin, name("Cameraless kiosk"));
    // No fake device: a test machine has no camera, so the browser finds none.
    Browser kioskBrowser =
        kioskBrowser(List.of("--use-fake-ui-for-media-stream"), new Dimension(1280, 800));
    KioskPage kiosk =
        KioskPage.open(kioskBrowser.driver(), baseUrl.toString()).pair(created.pairingCode());

    kiosk.awaitState("camera-blocked", DECISION);
    assertThat(kiosk.cameraProblem()).containsAnyOf("No camera found", "could not start");
    kioskBrowser.screenshot("kiosk-11-no-camera");
  }

  private static void issuePin(Api admin, String number, String pin) {
    Api.Reply reply =
        admin.send(
            HttpRequest.newBuilder(admin.uri("api/v1/employees/" + number + "/fallback-credential"))
                .header(
                    "Authorization",
                    TestCredentials.basic(
                        TestCredentials.ADMIN_USERNAME, TestCredentials.adminPassword()))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"credential\":\"" + pin + "\"}"))
                .build());
    assertThat(reply.status()).as(reply.body()).isEqualTo(204);
  }

  private static long deviceId(Api admin, String name) {
    return jakarta.json.Json.createReader(
            new java.io.StringReader(admin.get("api/v1/devices").body()))
        .readArray()
        .getValuesAs(JsonObject.class)
        .stream()
        .filter(d -> d.getString("name").equals(name))
        .mapToLong(d -> d.getJsonNumber("id").longValue())
        .findFirst()
        .orElseThrow();
  }

  private static List<JsonObject> checkInsOf(Api admin, long deviceId) {
    Api.Reply reply = admin.get("api/v1/check-ins?limit=100&deviceId=" + deviceId);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json().getJsonArray("items").getValuesAs(JsonObject.class);
  }

  private static String qrText(String dataUri) throws Exception {
    byte[] png = Base64.getDecoder().decode(dataUri.substring(dataUri.indexOf(',') + 1));
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    int[] pixels =
        image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    return new QRCodeReader()
        .decode(
            new BinaryBitmap(
                new HybridBinarizer(
                    new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))))
        .getText();
  }
}
