package dev.facegate.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facegate.it.recognition.DoorBurstIT;
import dev.facegate.it.support.Api;
import dev.facegate.it.support.Bursts;
import dev.facegate.it.support.Deployments;
import dev.facegate.it.support.DoorClient;
import dev.facegate.it.support.Faces;
import dev.facegate.it.support.Gallery;
import dev.facegate.it.support.TestCredentials;
import java.net.URL;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The console's check-in log shows liveness: a door burst of a held-up print is listed as
 * LIVENESS_FAILED with liveness FAILED and its reason, a single frame as "no check".
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CheckInLogLivenessIT extends BrowserSession {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.application();
  }

  @ArquillianResource URL baseUrl;

  @Test
  void theLogShowsALivenessFailureAndASingleFrameWithoutCheck() {
    Gallery gallery = new Gallery(Api.asAdmin(baseUrl));
    gallery.enrolledOnce(DoorBurstIT.PERSON_NAME, DoorBurstIT.ENROLLED);
    String doorName = "Liveness door " + UUID.randomUUID().toString().substring(0, 6);
    DoorClient door = gallery.door(doorName);
    byte[] print = Faces.read("deepface_tests/img16.jpg");
    assertThat(door.decideBurst(Bursts.jittered(print, 3, 21)).body())
        .contains("\"outcome\":\"LIVENESS_FAILED\"");
    assertThat(door.decide(print).body()).contains("\"outcome\":\"MATCH\"");

    LoginPage.open(browser.driver(), baseUrl.toString())
        .logInAs(TestCredentials.ADMIN_USERNAME, TestCredentials.adminPassword());
    CheckInsPage log = CheckInsPage.open(browser.driver(), baseUrl.toString());
    log.device(doorName).apply(2);
    browser.screenshot("admin-14-check-ins-liveness");

    assertThat(log.decisions()).containsExactlyInAnyOrder("LIVENESS_FAILED", "MATCH");
    assertThat(log.rows())
        .anySatisfy(row -> assertThat(row).contains("LIVENESS_FAILED", "FAILED", "FLAT_MOTION"))
        .anySatisfy(row -> assertThat(row).contains("MATCH", "no check"));
    log.decision("LIVENESS_FAILED").apply(1);
    assertThat(log.rows()).singleElement().asString().contains(doorName, "FLAT_MOTION");
  }
}
