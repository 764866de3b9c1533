package dev.facegate.it.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facegate.it.support.Api;
import dev.facegate.it.support.DoorClient;
import dev.facegate.it.support.Faces;
import dev.facegate.it.support.Gallery;
import dev.facegate.it.support.Management;
import dev.facegate.it.support.TestCredentials;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
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
 * What an operator sees of the real work: the application's meters in the Prometheus scrape of the
 * management interface, MicroProfile Health with separate liveness and readiness, and the
 * correlation id that ties a request's answer to its log lines.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ObservabilityIT {

  /**
   * deepface cluster 6 (img13): one face, enrolled by no test (KioskIT uses it as its stranger too;
   * cluster 5 is DoorBurstIT's enrolled person), so the door searches and says UNKNOWN.
   */
  private static final String STRANGER = "deepface_tests/img13.jpg";

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return dev.facegate.it.support.Deployments.application();
  }

  @ArquillianResource URL baseUrl;

  private final Management management = Management.ofTestServer();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private Api api;

  @BeforeEach
  void setUp() {
    api = Api.asAdmin(baseUrl);
  }

  @Test
  void aDoorDecisionIsCountedByOutcomeWithItsLatencySplitIntoStages() {
    Map<String, String> unknown = Map.of("decision", "DENY", "outcome", "UNKNOWN");
    double decisionsBefore = management.sum("facegate_door_decisions_seconds_count", unknown);
    double searchesBefore = stageCount("search");
    DoorClient door = new Gallery(api).door("Metered door " + System.nanoTime());

    Api.Reply reply = door.decide(Faces.read(STRANGER));

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json().getString("outcome")).isEqualTo("UNKNOWN");
    assertThat(management.sum("facegate_door_decisions_seconds_count", unknown))
        .isEqualTo(decisionsBefore + 1);
    assertThat(stageCount("search")).isEqualTo(searchesBefore + 1);
    for (String stage : new String[] {"detect", "embed", "database"}) {
      assertThat(stageCount(stage)).as(stage).isPositive();
      // Cumulative buckets up to +Inf, which holds every observation.
      assertThat(
              management.sum(
                  "facegate_decision_stage_le_total",
                  Map.of("stage", stage, "flow", "door", "le", "+Inf")))
          .as(stage + " histogram")
          .isEqualTo(stageCount(stage));
    }
  }

  @Test
  void theIndexTheEngineAndLoginFailuresHaveTheirMeters() throws Exception {
    double rejectedBefore =
        management.sum("facegate_login_failures_total", Map.of("reason", "rejected"));
    // A name no test uses, so that no real account gets nearer a lockout.
    HttpResponse<String> refused =
        send(
            get("api/v1/employees")
                .header(
                    "Authorization",
                    TestCredentials.basic("nobody-" + UUID.randomUUID(), "wrong password 1")));

    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(management.sum("facegate_login_failures_total", Map.of("reason", "rejected")))
        .isEqualTo(rejectedBefore + 1);
    // The reconciler ran at start-up; the index answers its size; the engine is idle.
    assertThat(management.sum("facegate_index_reconciliations_total", Map.of())).isPositive();
    assertThat(management.scrape())
        .anySatisfy(
            s -> {
              assertThat(s.name()).isEqualTo("facegate_index_size");
              assertThat(s.value()).isNotNaN().isGreaterThanOrEqualTo(0);
            })
        .anySatisfy(
            s -> {
              assertThat(s.name()).isEqualTo("facegate_inference_max_concurrent");
              assertThat(s.value()).isGreaterThanOrEqualTo(1);
            })
        .anySatisfy(s -> assertThat(s.name()).isEqualTo("facegate_inference_queued"))
        .anySatisfy(s -> assertThat(s.name()).isEqualTo("facegate_index_rebuilding"));
  }

  @Test
  void livenessAndReadinessAreSeparateAndTheApiHealthIsTheReadiness() throws Exception {
    HttpResponse<String> live = management.get("health/live");
    HttpResponse<String> ready = management.get("health/ready");
    HttpResponse<String> apiHealth = send(get("api/v1/health"));

    assertThat(live.statusCode()).as(live.body()).isEqualTo(200);
    assertThat(live.body()).contains("\"faceEngine\"").doesNotContain("\"database\"");
    assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
    JsonObject facegate =
        json(ready.body()).getJsonArray("checks").stream()
            .map(c -> c.asJsonObject())
            .filter(c -> c.getString("name").equals("facegate"))
            .findFirst()
            .orElseThrow();
    assertThat(facegate.getString("status")).isEqualTo("UP");
    assertThat(facegate.getJsonObject("data").getString("database")).isEqualTo("UP");
    assertThat(facegate.getJsonObject("data").getString("faceIndexRebuild")).isEqualTo("UP");
    assertThat(apiHealth.statusCode()).isEqualTo(200);
    assertThat(json(apiHealth.body()).getJsonObject("checks").getString("faceIndexRebuild"))
        .isEqualTo("UP");
  }

  @Test
  void everyProblemCarriesTheCorrelationIdOfItsRequest() throws Exception {
    String mine = "door-7-" + UUID.randomUUID();
    HttpResponse<String> notFound =
        send(
            get("api/v1/employees/NO-SUCH-" + UUID.randomUUID())
                .header("Authorization", adminBasic())
                .header("X-Correlation-ID", mine));
    HttpResponse<String> generated =
        send(
            get("api/v1/employees/NO-SUCH-" + UUID.randomUUID())
                .header("Authorization", adminBasic()));
    HttpResponse<String> forged =
        send(
            get("api/v1/employees/NO-SUCH-" + UUID.randomUUID())
                .header("Authorization", adminBasic())
                .header("X-Correlation-ID", "x\" injected=\"1"));
    HttpResponse<String> unauthenticated = send(get("api/v1/employees"));

    assertThat(notFound.statusCode()).isEqualTo(404);
    assertThat(notFound.headers().firstValue("X-Correlation-ID")).hasValue(mine);
    assertThat(json(notFound.body()).getString("correlationId")).isEqualTo(mine);
    String fresh = generated.headers().firstValue("X-Correlation-ID").orElseThrow();
    assertThat(json(generated.body()).getString("correlationId")).isEqualTo(fresh);
    assertThat(UUID.fromString(fresh)).isNotNull();
    String replaced = forged.headers().firstValue("X-Correlation-ID").orElseThrow();
    assertThat(replaced).doesNotContain("injected");
    assertThat(json(forged.body()).getString("correlationId")).isEqualTo(replaced);
    assertThat(unauthenticated.statusCode()).isEqualTo(401);
    assertThat(json(unauthenticated.body()).getString("correlationId"))
        .isEqualTo(unauthenticated.headers().firstValue("X-Correlation-ID").orElseThrow());
  }

  private double stageCount(String stage) {
    return management.sum(
        "facegate_decision_stage_seconds_count", Map.of("stage", stage, "flow", "door"));
  }

  private HttpRequest.Builder get(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl.toString()).resolve(path))
        .timeout(Duration.ofSeconds(60))
        .GET();
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String adminBasic() {
    return TestCredentials.basic(TestCredentials.ADMIN_USERNAME, TestCredentials.adminPassword());
  }

  private static JsonObject json(String body) {
    try (var reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    }
  }
}
