package dev.facegate.it.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facegate.it.support.Api;
import dev.facegate.it.support.Deployments;
import dev.facegate.it.support.DoorClient;
import dev.facegate.it.support.Faces;
import dev.facegate.it.support.Gallery;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Erasing an employee removes them from the database and the index: their face is unknown. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ErasureIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.application();
  }

  @ArquillianResource URL baseUrl;

  @Test
  void anErasedEmployeesFaceIsUnknownAndTheirRecordsAreGone() {
    Api api = Api.asAdmin(baseUrl);
    Gallery gallery = new Gallery(api);
    String lady = gallery.enrolled("Family2 Lady", "azure_face_samples/Family2-Lady1.jpg");
    DoorClient door = gallery.door("Erasure door " + System.nanoTime());
    byte[] probe = Faces.read("azure_face_samples/Family2-Lady2.jpg");
    assertThat(door.decide(probe).json().getString("decision")).isEqualTo("OPEN");

    assertThat(api.delete("api/v1/employees/" + lady).status()).isEqualTo(204);

    Api.Reply after = door.decide(probe);
    assertThat(after.status()).isEqualTo(200);
    assertThat(after.json().getString("outcome")).isEqualTo("UNKNOWN");
    assertThat(after.json().getString("decision")).isEqualTo("DENY");
    assertThat(api.get("api/v1/employees/" + lady).status()).isEqualTo(404);
    assertThat(api.get("api/v1/employees/" + lady + "/templates").status()).isEqualTo(404);
    // The attendance fact of the first decision remains, without the person.
    assertThat(gallery.checkInsOf(door)).isEqualTo(2);
  }

  @Test
  void enrolmentBeforeConsentIsRefused() {
    Api api = Api.asAdmin(baseUrl);
    Gallery gallery = new Gallery(api);
    String number = gallery.employee("No Consent", "Testing");

    Api.Reply reply =
        api.postImage(
            "api/v1/employees/" + number + "/templates",
            Faces.read("azure_face_samples/Family1-Son2.jpg"),
            "image/jpeg");

    assertThat(reply.status()).isEqualTo(409);
    assertThat(reply.body()).contains("consent");
    assertThat(api.get("api/v1/employees/" + number + "/templates").body()).isEqualTo("[]");
  }
}
