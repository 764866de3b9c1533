package dev.facegate.it.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facegate.it.support.Api;
import dev.facegate.it.support.Deployments;
import dev.facegate.it.support.DoorClient;
import dev.facegate.it.support.Faces;
import dev.facegate.it.support.Gallery;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpRequest;
import java.time.Instant;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The door hook end to end on WildFly with PostgreSQL and a real Elasticsearch node: people from
 * azure_face_samples and face_recognition_ageitgey are enrolled through the admin API, then doors
 * post other photos of them, of a stranger and of no face at all.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DoorHookIT {

  private static final String AZURE = "azure_face_samples/";
  private static final String AGEITGEY = "face_recognition_ageitgey/";

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.application();
  }

  @ArquillianResource URL baseUrl;

  private static String dad;
  private static String daughter;
  private static String obama;

  private Api api;
  private Gallery gallery;
  private DoorClient door;

  @BeforeEach
  void enrolOnceAndInstallADoor() {
    api = Api.asAdmin(baseUrl);
    gallery = new Gallery(api);
    synchronized (DoorHookIT.class) {
      if (dad == null) {
        dad =
            gallery.enrolled("Family1 Dad", AZURE + "Family1-Dad1.jpg", AZURE + "Family1-Dad2.jpg");
        daughter =
            gallery.enrolled(
                "Family1 Daughter",
                AZURE + "Family1-Daughter1.jpg",
                AZURE + "Family1-Daughter2.jpg");
        gallery.enrolled("Family1 Mom", AZURE + "Family1-Mom1.jpg");
        gallery.enrolled("Family2 Man", AZURE + "Family2-Man1.jpg");
        obama =
            gallery.enrolled(
                "Barack Obama", AGEITGEY + "examples/obama.jpg", AGEITGEY + "examples/obama2.jpg");
        gallery.enrolled("Joe Biden", AGEITGEY + "examples/biden.jpg");
      }
    }
    door = gallery.door("Door " + System.nanoTime());
  }

  @Test
  void anotherPhotoOfAnEnrolledPersonOpensTheDoor() {
    assertOpensFor(AZURE + "Family1-Dad3.jpg", dad);
    assertOpensFor(AZURE + "Family1-Daughter3.jpg", daughter);
    assertOpensFor(AGEITGEY + "test_images/obama3.jpg", obama);
    assertThat(gallery.checkInsOf(door)).isEqualTo(3);
  }

  @Test
  void aStrangerIsDeniedAsUnknown() {
    JsonObject decision = decided(AZURE + "Family3-Man1.jpg");

    assertThat(decision.getString("decision")).isEqualTo("DENY");
    assertThat(decision.getString("outcome")).isEqualTo("UNKNOWN");
    assertThat(decision.containsKey("employeeNumber")).isFalse();
    assertThat(decision.getString("reason")).isNotBlank();
    assertThat(gallery.checkInsOf(door)).isEqualTo(1);
  }

  @Test
  void aPhotoWithoutAFaceIsNoFaceAndOneWithTwoIsMultipleFaces() {
    assertThat(decided("dlib_faces/dogs.jpg").getString("outcome")).isEqualTo("NO_FACE");
    JsonObject two = decided(AGEITGEY + "examples/two_people.jpg");
    assertThat(two.getString("outcome")).isEqualTo("MULTIPLE_FACES");
    assertThat(two.getString("decision")).isEqualTo("DENY");
    assertThat(gallery.checkInsOf(door)).isEqualTo(2);
  }

  @Test
  void everyDecisionIsRecordedAsExactlyOneCheckIn() {
    JsonObject decision = decided(AZURE + "Family1-Dad3.jpg");
    long checkInId = decision.getJsonNumber("checkInId").longValue();

    Api.Reply checkIn = api.get("api/v1/check-ins/" + checkInId);
    assertThat(checkIn.status()).isEqualTo(200);
    assertThat(checkIn.json().getString("outcome")).isEqualTo("MATCH");
    assertThat(checkIn.json().getBoolean("doorOpened")).isTrue();
    assertThat(checkIn.json().getJsonNumber("deviceId").longValue()).isEqualTo(door.doorId());
    assertThat(gallery.checkInsOf(door)).isEqualTo(1);

    // The same person again within the duplicate window: recorded, marked as a duplicate.
    JsonObject again = decided(AZURE + "Family1-Dad3.jpg");
    assertThat(again.getBoolean("duplicate")).isTrue();
    assertThat(gallery.checkInsOf(door)).isEqualTo(2);
  }

  @Test
  void unsignedWronglySignedStaleAndReplayedRequestsAreRefusedAndRecordNothing() {
    byte[] frame = Faces.read(AZURE + "Family1-Dad3.jpg");

    Api.Reply unsigned = api.postImage(door.path().substring(1), frame, "image/jpeg");
    assertThat(unsigned.status()).isEqualTo(401);
    assertThat(unsigned.contentType()).startsWith("application/problem+json");

    // Signed by another key that names this door as its keyid.
    Api.Reply wrongKey =
        door.send(
            door.signed(frame, Instant.now(), DoorClient.newKeyPair().getPrivate(), "image/jpeg"));
    assertThat(wrongKey.status()).isEqualTo(401);

    Api.Reply stale =
        door.send(
            door.signed(frame, Instant.now().minusSeconds(120), door.privateKey(), "image/jpeg"));
    assertThat(stale.status()).isEqualTo(401);
    assertThat(stale.body()).contains("window");

    HttpRequest captured = door.signed(frame, Instant.now(), door.privateKey(), "image/jpeg");
    assertThat(door.send(captured).status()).isEqualTo(200);
    Api.Reply replayed = door.send(captured);
    assertThat(replayed.status()).isEqualTo(401);
    assertThat(replayed.body()).contains("replay");

    // Only the one genuine request was decided.
    assertThat(gallery.checkInsOf(door)).isEqualTo(1);
  }

  @Test
  void aBodyTamperedAfterSigningIsRefused() {
    byte[] signedFrame = Faces.read(AZURE + "Family3-Man1.jpg");
    HttpRequest signed = door.signed(signedFrame, Instant.now(), door.privateKey(), "image/jpeg");
    HttpRequest tampered =
        HttpRequest.newBuilder(signed, (name, value) -> true)
            .POST(HttpRequest.BodyPublishers.ofByteArray(Faces.read(AZURE + "Family1-Dad3.jpg")))
            .build();

    Api.Reply reply = door.send(tampered);
    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.body()).contains("Content-Digest");
    assertThat(gallery.checkInsOf(door)).isZero();
  }

  private void assertOpensFor(String photo, String employeeNumber) {
    JsonObject decision = decided(photo);
    assertThat(decision.getString("decision")).as(photo + ": " + decision).isEqualTo("OPEN");
    assertThat(decision.getString("outcome")).isEqualTo("MATCH");
    assertThat(decision.getString("employeeNumber")).isEqualTo(employeeNumber);
    assertThat(decision.getJsonNumber("score").doubleValue()).isGreaterThan(0.9);
  }

  private JsonObject decided(String photo) {
    Api.Reply reply = door.decide(Faces.read(photo));
    assertThat(reply.status()).as(photo + ": " + reply.body()).isEqualTo(200);
    return reply.json();
  }
}
