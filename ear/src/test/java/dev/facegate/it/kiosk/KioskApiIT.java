package dev.facegate.it.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facegate.it.support.Api;
import dev.facegate.it.support.BadImages;
import dev.facegate.it.support.Deployments;
import dev.facegate.it.support.Faces;
import dev.facegate.it.support.Gallery;
import dev.facegate.it.support.KioskClient;
import jakarta.json.JsonObject;
import java.net.HttpCookie;
import java.net.URL;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The kiosk channel without a browser: pairing and its cookie, refused credentials, and every kind
 * of bad frame answered with a problem and nothing recorded.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class KioskApiIT {

  private static final String NO_FACE = "dlib_faces/dogs.jpg";

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.application();
  }

  @ArquillianResource URL baseUrl;

  private Api admin;

  @BeforeEach
  void admin() {
    admin = Api.asAdmin(baseUrl);
  }

  private static String name() {
    return "Kiosk " + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void aCodePairsOnceAndTheCookieIsHttpOnlyStrictAndLongLived() {
    KioskClient.Created created = KioskClient.create(admin, name());
    assertThat(created.pairingCode()).matches("[A-Z2-9]{5}-[A-Z2-9]{5}");

    Api.Reply paired = KioskClient.pairing(admin, created.pairingCode().toLowerCase());
    assertThat(paired.status()).as(paired.body()).isEqualTo(200);
    assertThat(paired.json().getJsonNumber("deviceId").longValue()).isEqualTo(created.deviceId());
    assertThat(paired.body()).doesNotContain("fgk_");
    HttpCookie cookie = KioskClient.kioskCookie(paired);
    assertThat(cookie.isHttpOnly()).isTrue();
    assertThat(cookie.getPath()).isEqualTo("/");
    assertThat(cookie.getMaxAge()).isGreaterThan(Duration.ofDays(300).toSeconds());
    assertThat(paired.setCookie()).containsIgnoringCase("SameSite=Strict");

    Api.Reply again = KioskClient.pairing(admin, created.pairingCode());
    assertThat(again.status()).as("a code works once").isEqualTo(401);
    assertThat(again.contentType()).startsWith("application/problem+json");
    assertThat(again.json().getString("detail")).contains("not valid");

    Api.Reply devices = admin.get("api/v1/devices");
    assertThat(devices.body()).doesNotContain(created.pairingCode()).doesNotContain("fgk_");
  }

  @Test
  void aMistypedOrMadeUpCodeIsRefusedAndDoesNotUseUpTheRealOne() {
    KioskClient.Created created = KioskClient.create(admin, name());

    assertThat(KioskClient.pairing(admin, "not a code").status()).isEqualTo(401);
    assertThat(KioskClient.pairing(admin, "ABCDE-FGHJK").status()).isEqualTo(401);

    assertThat(KioskClient.pairing(admin, created.pairingCode()).status()).isEqualTo(200);
  }

  @Test
  void framesWithoutAValidKioskCredentialAreRefusedBeforeTheyAreRead() {
    byte[] photo = Faces.read(NO_FACE);
    for (String cookie : List.of("", "FG_KIOSK=garbage", "FG_KIOSK=fgk_1_" + "A".repeat(43))) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(admin.uri("api/v1/kiosk/frames"))
              .timeout(Duration.ofSeconds(30))
              .header("Content-Type", "image/jpeg")
              .POST(HttpRequest.BodyPublishers.ofByteArray(photo));
      if (!cookie.isEmpty()) {
        request.header("Cookie", cookie);
      }
      Api.Reply reply = admin.send(request.build());
      assertThat(reply.status()).as(cookie + ": " + reply.body()).isEqualTo(401);
      assertThat(reply.contentType()).startsWith("application/problem+json");
    }
  }

  @Test
  void badFramesGetAProblemAndLeaveNoCheckIn() {
    KioskClient kiosk = KioskClient.pair(admin, KioskClient.create(admin, name()));
    byte[] photo = Faces.read("deepface_tests/img12.jpg");

    assertThat(kiosk.frame(BadImages.oversized(), "image/jpeg", "").status()).isEqualTo(413);
    assertThat(kiosk.frame(BadImages.textFile(), "image/jpeg", "").status()).isEqualTo(415);
    Api.Reply truncated = kiosk.frame(BadImages.truncatedJpeg(photo), "image/jpeg", "");
    assertThat(truncated.status()).as(truncated.body()).isEqualTo(422);
    Api.Reply bomb = kiosk.frame(BadImages.pngBomb(), "image/png", "");
    assertThat(bomb.status()).as(bomb.body()).isEqualTo(422);
    assertThat(bomb.contentType()).startsWith("application/problem+json");
    assertThat(kiosk.frame(new byte[0], "image/jpeg", "").status()).isEqualTo(422);
    assertThat(kiosk.frame(photo, "text/plain", "").status()).isEqualTo(415);
    assertThat(kiosk.frame(photo, "image/jpeg", "attempt=nonsense").status()).isEqualTo(422);
    assertThat(kiosk.frame(photo, "image/jpeg", "direction=SIDEWAYS").status()).isEqualTo(422);

    assertThat(kiosk.checkIns()).isEmpty();
  }

  @Test
  void aFrameWithoutAFaceStartsNoAttemptClockAndRecordsNothing() {
    KioskClient kiosk = KioskClient.pair(admin, KioskClient.create(admin, name()));

    Api.Reply reply = kiosk.frame(Faces.read(NO_FACE), "image/jpeg", "");

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    JsonObject answer = reply.json();
    assertThat(answer.getString("state")).isEqualTo("PENDING");
    assertThat(answer.getInt("faceCount")).isZero();
    assertThat(answer.containsKey("checkIn")).as("no check-in without a face").isFalse();
    Api.Reply watching = kiosk.frame(Faces.read(NO_FACE), "image/jpeg", "watch=true");
    assertThat(watching.json().getString("state")).isEqualTo("WATCHING");
    assertThat(kiosk.checkIns()).isEmpty();
  }

  @Test
  void anUnpairedOrDisabledKioskIsRefusedAtItsNextRequest() {
    KioskClient unpaired = KioskClient.pair(admin, KioskClient.create(admin, name()));
    assertThat(unpaired.frame(Faces.read(NO_FACE), "image/jpeg", "").status()).isEqualTo(200);
    Api.Reply unpair = admin.postJson("api/v1/devices/" + unpaired.deviceId() + "/unpair", "{}");
    assertThat(unpair.status()).as(unpair.body()).isEqualTo(200);
    assertThat(unpair.json().getBoolean("paired")).isFalse();
    assertThat(unpaired.frame(Faces.read(NO_FACE), "image/jpeg", "").status()).isEqualTo(401);

    KioskClient disabled = KioskClient.pair(admin, KioskClient.create(admin, name()));
    assertThat(admin.postJson("api/v1/devices/" + disabled.deviceId() + "/disable", "{}").status())
        .isEqualTo(200);
    Api.Reply refused = disabled.frame(Faces.read(NO_FACE), "image/jpeg", "");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().getString("detail")).contains("disabled");
    assertThat(disabled.badge("anyone", "1234").status()).isEqualTo(403);
  }

  @Test
  void aNewPairingCodeReplacesTheOldBrowser() {
    KioskClient.Created created = KioskClient.create(admin, name());
    KioskClient first = KioskClient.pair(admin, created);
    Api.Reply code = admin.postJson("api/v1/devices/" + created.deviceId() + "/pairing-code", "{}");
    assertThat(code.status()).as(code.body()).isEqualTo(200);
    assertThat(first.frame(Faces.read(NO_FACE), "image/jpeg", "").status())
        .as("still paired until the new code is used")
        .isEqualTo(200);

    KioskClient second =
        KioskClient.pair(
            admin,
            new KioskClient.Created(created.deviceId(), code.json().getString("pairingCode")));

    assertThat(first.frame(Faces.read(NO_FACE), "image/jpeg", "").status()).isEqualTo(401);
    assertThat(second.frame(Faces.read(NO_FACE), "image/jpeg", "").status()).isEqualTo(200);
  }

  @Test
  void theAgreementIsSetPerKioskWithinBounds() {
    KioskClient.Created created = KioskClient.create(admin, name());
    String path = "api/v1/devices/" + created.deviceId() + "/agreement";

    Api.Reply tooMany =
        admin.send(
            HttpRequest.newBuilder(admin.uri(path))
                .header("Authorization", authorization())
                .header("Content-Type", "application/json")
                .PUT(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"required\":6,\"window\":5,\"timeoutMillis\":4000}"))
                .build());
    assertThat(tooMany.status()).as(tooMany.body()).isEqualTo(422);
    Api.Reply set =
        admin.send(
            HttpRequest.newBuilder(admin.uri(path))
                .header("Authorization", authorization())
                .header("Content-Type", "application/json")
                .PUT(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"required\":2,\"window\":3,\"timeoutMillis\":2500}"))
                .build());
    assertThat(set.status()).as(set.body()).isEqualTo(200);

    KioskClient kiosk = KioskClient.pair(admin, created);
    Api.Reply session =
        admin.send(
            HttpRequest.newBuilder(admin.uri("api/v1/kiosk/session"))
                .header("Cookie", kiosk.cookie())
                .GET()
                .build());
    assertThat(session.json().getInt("framesRequired")).isEqualTo(2);
    assertThat(session.json().getInt("framesWindow")).isEqualTo(3);
    assertThat(session.json().getJsonNumber("attemptTimeoutMillis").longValue()).isEqualTo(2500);
  }

  @Test
  void theBadgeNeedsItsRightPinAndUnknownNumbersLookTheSame() {
    Gallery gallery = new Gallery(admin);
    String number = gallery.employee("Badge Holder", "Testing");
    Api.Reply issued =
        admin.send(
            HttpRequest.newBuilder(admin.uri("api/v1/employees/" + number + "/fallback-credential"))
                .header("Authorization", authorization())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"credential\":\"8642\"}"))
                .build());
    assertThat(issued.status()).as(issued.body()).isEqualTo(204);
    KioskClient kiosk = KioskClient.pair(admin, KioskClient.create(admin, name()));

    Api.Reply wrong = kiosk.badge(number, "1111");
    Api.Reply unknown = kiosk.badge("NO-" + UUID.randomUUID().toString().substring(0, 8), "1111");
    Api.Reply right = kiosk.badge(number, "8642");

    assertThat(wrong.json().getString("status")).isEqualTo("REFUSED");
    assertThat(unknown.json().getString("message")).isEqualTo(wrong.json().getString("message"));
    assertThat(right.json().getString("status")).as(right.body()).isEqualTo("ACCEPTED");
    JsonObject checkIn = right.json().getJsonObject("checkIn");
    assertThat(checkIn.getString("method")).isEqualTo("BADGE");
    assertThat(checkIn.getString("direction")).isEqualTo("IN");
    assertThat(checkIn.getString("message")).contains("Badge — checked in ");
    assertThat(kiosk.checkIns())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.getString("method")).isEqualTo("BADGE");
              assertThat(c.getString("outcome")).isEqualTo("MATCH");
              assertThat(c.getString("direction")).isEqualTo("IN");
            });

    Api.Reply out = kiosk.badge(number, "8642");
    assertThat(out.json().getJsonObject("checkIn").getString("direction"))
        .as("the second check-in of the day defaults to OUT")
        .isEqualTo("OUT");
    assertThat(out.json().getJsonObject("checkIn").getBoolean("duplicate")).isTrue();
  }

  private static String authorization() {
    return dev.facegate.it.support.TestCredentials.basic(
        dev.facegate.it.support.TestCredentials.ADMIN_USERNAME,
        dev.facegate.it.support.TestCredentials.adminPassword());
  }
}
