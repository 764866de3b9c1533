package dev.facegate.it.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facegate.it.support.Api;
import dev.facegate.it.support.BadImages;
import dev.facegate.it.support.Deployments;
import dev.facegate.it.support.DoorClient;
import dev.facegate.it.support.Faces;
import dev.facegate.it.support.Gallery;
import java.net.URL;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bad uploads on the door hook and the enrolment endpoint: each gets its 4xx with a problem+json
 * body, the server stays healthy, and no check-in or template is written for them.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BadInputIT {

  private static final String FACE = "azure_face_samples/Family1-Son1.jpg";

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.application();
  }

  @ArquillianResource URL baseUrl;

  private Api api;
  private Gallery gallery;

  @BeforeEach
  void connect() {
    api = Api.asAdmin(baseUrl);
    gallery = new Gallery(api);
  }

  /** Each bad body with the status it must get. */
  private static Map<String, Expected> badBodies() {
    byte[] photo = Faces.read(FACE);
    return Map.of(
        "truncated JPEG", new Expected(BadImages.truncatedJpeg(photo), 422),
        "zero-byte body", new Expected(new byte[0], 422),
        "text file named .jpg", new Expected(BadImages.textFile(), 415),
        "PNG declaring 50000x50000 pixels", new Expected(BadImages.pngBomb(), 422),
        "30 MB body", new Expected(BadImages.oversized(), 413));
  }

  private record Expected(byte[] body, int status) {}

  @Test
  void theDoorHookRefusesEachBadUploadWithItsStatusAndRecordsNothing() {
    DoorClient door = gallery.door("Bad input door " + System.nanoTime());

    badBodies()
        .forEach(
            (what, expected) -> {
              Api.Reply reply = door.decide(expected.body());
              assertThat(reply.status())
                  .as(what + ": " + reply.body())
                  .isEqualTo(expected.status());
              assertThat(reply.contentType()).as(what).startsWith("application/problem+json");
            });

    assertThat(gallery.checkInsOf(door)).isZero();
    assertHealthy();
  }

  @Test
  void enrolmentRefusesEachBadUploadWithItsStatusAndStoresNoTemplate() {
    String number = gallery.employee("Bad Input", "Testing");
    gallery.consent(number);

    badBodies()
        .forEach(
            (what, expected) -> {
              Api.Reply reply =
                  api.postImage(
                      "api/v1/employees/" + number + "/templates", expected.body(), "image/jpeg");
              assertThat(reply.status())
                  .as(what + ": " + reply.body())
                  .isEqualTo(expected.status());
            });

    assertThat(api.get("api/v1/employees/" + number + "/templates").body()).isEqualTo("[]");
    assertHealthy();
  }

  @Test
  void aCmykJpegOfAFaceIsDecodedNotRefused() {
    DoorClient door = gallery.door("CMYK door " + System.nanoTime());

    Api.Reply reply = door.decide(BadImages.cmykJpeg(Faces.read(FACE)));

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json().getString("outcome")).isNotEqualTo("NO_FACE");
    assertThat(gallery.checkInsOf(door)).isEqualTo(1);
  }

  @Test
  void aNonImageContentTypeIsRefusedWith415() {
    DoorClient door = gallery.door("Media type door " + System.nanoTime());

    Api.Reply reply = door.decide(BadImages.textFile(), "text/plain");

    assertThat(reply.status()).isEqualTo(415);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(gallery.checkInsOf(door)).isZero();
  }

  private void assertHealthy() {
    Api.Reply health = api.get("api/v1/health");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.body()).contains("\"UP\"");
  }
}
