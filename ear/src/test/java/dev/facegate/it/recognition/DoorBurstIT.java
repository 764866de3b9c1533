package dev.facegate.it.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facegate.it.support.Api;
import dev.facegate.it.support.BadImages;
import dev.facegate.it.support.Bursts;
import dev.facegate.it.support.Deployments;
import dev.facegate.it.support.DoorClient;
import dev.facegate.it.support.Faces;
import dev.facegate.it.support.Gallery;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Door bursts with the passive liveness check, end to end (WildFly, PostgreSQL, Elasticsearch, the
 * real MTCNN and embedder). The person is deepface cluster 5: img17 enrolled; a real multi-pose
 * series of the same person (img16 frontal, img59 and img61 turned, separate photos) is the bona
 * fide burst; one photo (img16) jittered or moved by similarity transforms is the attack (simulated
 * prints, docs/liveness.md). Measured offline with the same detector: the series' largest landmark
 * homography residual is 0.124 eye distances, the jittered print's 0.008 and the moved print's
 * 0.018, against the default bound 0.06.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class DoorBurstIT {

  private static final String DEEPFACE = "deepface_tests/";
  private static final String FRONTAL = DEEPFACE + "img16.jpg";

  /** The person, shared with {@code CheckInLogLivenessIT}. */
  public static final String PERSON_NAME = "Deepface Five";

  public static final String ENROLLED = DEEPFACE + "img17.jpg";
  private static final List<String> HEAD_TURN =
      List.of(FRONTAL, DEEPFACE + "img59.jpg", DEEPFACE + "img61.jpg");

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.application();
  }

  @ArquillianResource URL baseUrl;

  private String person;

  private Api api;
  private Gallery gallery;
  private DoorClient door;

  @BeforeEach
  void enrolOnceAndInstallADoor() {
    api = Api.asAdmin(baseUrl);
    gallery = new Gallery(api);
    person = gallery.enrolledOnce(PERSON_NAME, ENROLLED);
    door = gallery.door("Burst door " + System.nanoTime());
  }

  @Test
  void aRealHeadTurnBurstOfTheEnrolledPersonOpensWithLivenessChecked() {
    JsonObject decision = burst(door, frames(HEAD_TURN));

    assertThat(decision.getString("decision")).as(decision.toString()).isEqualTo("OPEN");
    assertThat(decision.getString("outcome")).isEqualTo("MATCH");
    assertThat(decision.getString("employeeNumber")).isEqualTo(person);
    JsonObject liveness = decision.getJsonObject("liveness");
    assertThat(liveness.getBoolean("checked")).isTrue();
    assertThat(liveness.getString("result")).isEqualTo("PASSED");
    assertThat(liveness.getInt("frames")).isEqualTo(3);
    assertThat(liveness.getJsonNumber("residual").doubleValue()).isGreaterThan(0.06);

    JsonObject checkIn = checkIn(decision);
    assertThat(checkIn.getString("outcome")).isEqualTo("MATCH");
    assertThat(checkIn.getString("liveness")).isEqualTo("PASSED");
    assertThat(gallery.checkInsOf(door)).isEqualTo(1);
  }

  @Test
  void aStillPhotoHeldUpWithJitterIsRefusedAsLivenessFailed() {
    assertRefusedAsFlat(Bursts.jittered(Faces.read(FRONTAL), 5, 15));
  }

  @Test
  void aPhotoWavedByRotationsScalesAndShiftsIsRefusedAsLivenessFailed() {
    assertRefusedAsFlat(Bursts.moved(Faces.read(FRONTAL), 5, 16));
  }

  @Test
  void aPrintTiltedInPerspectiveToFakeAHeadTurnIsRefusedAsLivenessFailed() {
    assertRefusedAsFlat(Bursts.tilted(Faces.read(FRONTAL), 5, 40, 17));
  }

  @Test
  void aSingleFrameStillOpensAndIsFlaggedAsNotCheckedForLiveness() {
    Api.Reply reply = door.decide(Faces.read(FRONTAL));
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    JsonObject decision = reply.json();

    assertThat(decision.getString("decision")).isEqualTo("OPEN");
    assertThat(decision.getJsonObject("liveness").getBoolean("checked")).isFalse();
    assertThat(decision.getJsonObject("liveness").getString("result")).isEqualTo("NOT_CHECKED");
    assertThat(checkIn(decision).getString("liveness")).isEqualTo("NOT_CHECKED");
  }

  @Test
  void aSiteWithAStricterResidualBoundRefusesTheSameRealBurstAndTheChangeIsAudited() {
    String site = "liveness-strict-" + System.nanoTime();
    Api.Reply changed =
        api.putJson(
            "api/v1/settings/liveness/sites/" + site,
            "{\"frontalYawDegrees\":10,\"turnYawDegrees\":20,\"timeLimitMillis\":4000,"
                + "\"minResidual\":0.5}");
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    JsonObject settings = api.get("api/v1/settings/liveness").json();
    assertThat(settings.getJsonObject("defaults").getJsonNumber("minResidual").doubleValue())
        .as("the installation keeps the models' measured default")
        .isEqualTo(0.06);
    assertThat(
            settings
                .getJsonObject("siteOverrides")
                .getJsonObject(site)
                .getJsonNumber("minResidual")
                .doubleValue())
        .isEqualTo(0.5);
    assertThat(auditOf("site " + site))
        .singleElement()
        .asString()
        .contains(
            "residual 0.060 -> frontal 10.0 deg, turn 20.0 deg, time limit 4000 ms, residual 0.500");

    DoorClient strictDoor = gallery.door("Strict burst door " + System.nanoTime(), site);
    JsonObject decision = burst(strictDoor, frames(HEAD_TURN));
    assertThat(decision.getString("decision")).isEqualTo("DENY");
    assertThat(decision.getString("outcome")).isEqualTo("LIVENESS_FAILED");

    Api.Reply bad =
        api.putJson(
            "api/v1/settings/liveness/sites/" + site,
            "{\"frontalYawDegrees\":30,\"turnYawDegrees\":20,\"timeLimitMillis\":4000,"
                + "\"minResidual\":0.06}");
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.contentType()).startsWith("application/problem+json");
    assertThat(api.delete("api/v1/settings/liveness/sites/" + site).status()).isEqualTo(200);
    assertThat(auditOf("site " + site)).hasSize(2);
  }

  @Test
  void malformedBurstsGetAClearProblemAndRecordNothing() {
    byte[] photo = Faces.read(FRONTAL);
    List<byte[]> six = Collections.nCopies(6, photo);

    assertProblem(door.decideBurst(six), 400, "at most 5 frames");

    byte[] whole = DoorClient.multipart("cut-here", List.of(photo, photo));
    byte[] truncated = Arrays.copyOf(whole, whole.length - 200);
    assertProblem(door.send(door.signedBurst(truncated, "cut-here", true)), 400, "truncated");

    assertProblem(
        door.send(
            door.signedBurst(
                DoorClient.multipart("txt", List.of(photo, BadImages.textFile()), "text/plain"),
                "txt",
                true)),
        400,
        "text/plain");
    // Declared as JPEG but not an image, a truncated JPEG, a decompression bomb, a huge body.
    assertThat(door.decideBurst(List.of(photo, BadImages.textFile())).status()).isEqualTo(415);
    assertThat(door.decideBurst(List.of(photo, BadImages.truncatedJpeg(photo))).status())
        .isEqualTo(422);
    assertThat(door.decideBurst(List.of(photo, BadImages.pngBomb())).status()).isEqualTo(422);
    assertThat(door.decideBurst(List.of(BadImages.oversized())).status()).isEqualTo(413);

    assertThat(gallery.checkInsOf(door)).isZero();
  }

  @Test
  void aBurstMustBeSignedOverItsContentTypeAndCannotBeReplayed() {
    byte[] body = DoorClient.multipart("b1", frames(HEAD_TURN));

    Api.Reply unsignedType = door.send(door.signedBurst(body, "b1", false));
    assertProblem(unsignedType, 401, "content-type");

    HttpRequest captured = door.signedBurst(body, "b1", true);
    assertThat(door.send(captured).status()).isEqualTo(200);
    assertProblem(door.send(captured), 401, "replay");

    // The same signed bytes re-cut with another boundary: the signed content type no longer fits.
    HttpRequest recut =
        HttpRequest.newBuilder(captured, (name, value) -> true)
            .setHeader("Content-Type", "multipart/form-data; boundary=b2")
            .build();
    assertThat(door.send(recut).status()).isEqualTo(401);

    DoorClient legacy = gallery.legacyDoor("Legacy burst door " + System.nanoTime());
    HttpRequest legacyBurst =
        HttpRequest.newBuilder(legacy.uri())
            .header("Content-Type", "multipart/form-data; boundary=b1")
            .header("Authorization", "Device " + legacy.token())
            .header("X-FaceGate-Timestamp", Long.toString(System.currentTimeMillis() / 1000))
            .header(
                "X-FaceGate-Signature",
                DoorClient.legacySignature(
                    legacy.token(),
                    legacy.path(),
                    Long.toString(System.currentTimeMillis() / 1000),
                    body))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    assertProblem(legacy.send(legacyBurst), 401, "legacy");

    assertThat(gallery.checkInsOf(door)).isEqualTo(1);
  }

  private void assertRefusedAsFlat(List<byte[]> frames) {
    JsonObject decision = burst(door, frames);

    assertThat(decision.getString("decision")).as(decision.toString()).isEqualTo("DENY");
    assertThat(decision.getString("outcome")).isEqualTo("LIVENESS_FAILED");
    assertThat(decision.containsKey("employeeNumber")).isFalse();
    assertThat(decision.getString("reason")).contains("FLAT_MOTION");
    JsonObject liveness = decision.getJsonObject("liveness");
    assertThat(liveness.getBoolean("checked")).isTrue();
    assertThat(liveness.getString("result")).isEqualTo("FAILED");
    assertThat(liveness.getJsonNumber("residual").doubleValue()).isLessThan(0.06);

    JsonObject checkIn = checkIn(decision);
    assertThat(checkIn.getString("outcome")).isEqualTo("LIVENESS_FAILED");
    assertThat(checkIn.getString("liveness")).isEqualTo("FAILED");
    assertThat(checkIn.getBoolean("doorOpened")).isFalse();
    assertThat(checkIn.containsKey("employeeId")).isFalse();
    assertThat(checkIn.getString("reason")).contains("FLAT_MOTION");
    assertThat(gallery.checkInsOf(door)).isEqualTo(1);
  }

  private static JsonObject burst(DoorClient through, List<byte[]> frames) {
    Api.Reply reply = through.decideBurst(frames);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }

  private JsonObject checkIn(JsonObject decision) {
    Api.Reply reply =
        api.get("api/v1/check-ins/" + decision.getJsonNumber("checkInId").longValue());
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }

  private static List<byte[]> frames(List<String> photos) {
    List<byte[]> frames = new ArrayList<>();
    photos.forEach(p -> frames.add(Faces.read(p)));
    return frames;
  }

  private static void assertProblem(Api.Reply reply, int status, String says) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.body()).contains(says);
  }

  /** The LIVENESS_SETTINGS_CHANGED audit details of a subject, oldest first. */
  private static List<String> auditOf(String subject) {
    try (Connection c =
            DriverManager.getConnection(
                System.getProperty("it.db.url"),
                System.getProperty("it.db.user"),
                System.getProperty("it.db.password"));
        PreparedStatement q =
            c.prepareStatement(
                "SELECT detail FROM audit_event WHERE action = 'LIVENESS_SETTINGS_CHANGED'"
                    + " AND subject = ? ORDER BY id")) {
      q.setString(1, subject);
      List<String> rows = new ArrayList<>();
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          rows.add(r.getString(1));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the audit trail", e);
    }
  }
}
