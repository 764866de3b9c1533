package dev.facegate.it.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facegate.it.support.Api;
import dev.facegate.it.support.DoorClient;
import dev.facegate.it.support.Faces;
import dev.facegate.it.support.Gallery;
import dev.facegate.it.support.Management;
import dev.facegate.it.support.PostgresDatabases;
import dev.facegate.it.support.WildFlyNode;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two roles, one EAR, on two real servers of this machine (issue 17): an inference node ({@code
 * FACEGATE_ROLE=inference}, {@code standalone-ha.xml}: JGroups TCP on loopback with a static member
 * list, configured by {@code configure-cluster.cli} and {@code configure-inference.cli}) and a
 * portal node with {@code FACEGATE_INFERENCE_NODES} pointing at it (its own empty PostgreSQL
 * database, the embedded Lucene index). Both run the EAR under test.
 *
 * <p>It shows that a door decision on the portal is computed on the inference node (its detect and
 * embed stages count, the portal's do not; the portal times the remote call as its {@code
 * inference} stage), that a killed inference node gives the door the back-pressure answer (503
 * problem+json with {@code Retry-After}, nothing recorded) within 2 s and the portal's readiness
 * {@code inference} DOWN, and that doors are served again once the node is back.
 */
class InferenceNodeIT {

  /** Ports: 8080/9990/7600 plus these; inside the range given to this branch's system tests. */
  private static final int INFERENCE_OFFSET = 212;

  private static final int PORTAL_OFFSET = 216;

  /** The bound for a door's answer once the inference node is gone. */
  private static final Duration FAIL_CLOSED_WITHIN = Duration.ofSeconds(2);

  /** azure Family1 Dad: enrolled from one photo, recognised from another (own database here). */
  private static final String ENROLMENT_PHOTO = "azure_face_samples/Family1-Dad1.jpg";

  private static final String DOOR_FRAME = "azure_face_samples/Family1-Dad2.jpg";

  private static final String STAGES = "facegate_decision_stage_seconds_count";

  private static WildFlyNode inference;
  private static WildFlyNode portal;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @BeforeAll
  static void startBothRoles() {
    String user = "portal-" + UUID.randomUUID().toString().substring(0, 8);
    String password = UUID.randomUUID().toString();
    Path inferenceScript =
        Path.of(System.getProperty("it.cli.dir")).resolve("configure-inference.cli");
    WildFlyNode.Builder inferenceBuilder =
        WildFlyNode.builder("inference-a").setPortOffset(INFERENCE_OFFSET);
    inference =
        inferenceBuilder
            .optClustered(List.of(WildFlyNode.jgroupsAddressAt(INFERENCE_OFFSET)))
            .optCliScript(inferenceScript)
            .optEnvironment("FACEGATE_ROLE", "inference")
            .optEnvironment("FACEGATE_INFERENCE_USERNAME", user)
            .optEnvironment("FACEGATE_INFERENCE_PASSWORD", password)
            .optHeap("1536m")
            .build();
    portal =
        WildFlyNode.builder("portal-a")
            .setPortOffset(PORTAL_OFFSET)
            .optPortalDatabase(PostgresDatabases.recreate("inference_it_portal"))
            .optEnvironment("FACEGATE_INFERENCE_NODES", "127.0.0.1:" + inference.httpPort())
            .optEnvironment("FACEGATE_INFERENCE_USERNAME", user)
            .optEnvironment("FACEGATE_INFERENCE_PASSWORD", password)
            .build();
    inference.start();
    portal.start();
  }

  @AfterAll
  static void stopBoth() {
    if (portal != null) {
      portal.stop();
    }
    if (inference != null) {
      inference.stop();
    }
  }

  @Test
  void aDoorDecisionIsComputedOnTheInferenceNodeFailsClosedWhenItDiesAndRecovers()
      throws Exception {
    // Readiness is polled (a load balancer's view): the very first call also opens the remoting
    // connection and may take longer than the ping timeout on a loaded machine.
    awaitInferenceUp(Duration.ofSeconds(60));
    assertThat(health(portal).getJsonObject("checks").getString("inference")).isEqualTo("UP");
    assertThat(logOf(portal)).contains("Face engine not loaded here");
    assertThat(logOf(inference)).contains("Face engine ready");

    Api api = Api.asAdmin(new URL(portal.httpUri("/").toString()));
    Gallery gallery = new Gallery(api);
    // Enrolment's analysis goes to the inference node as well.
    gallery.enrolled("Remote Dad", ENROLMENT_PHOTO);
    DoorClient door = gallery.door("Remote door " + System.nanoTime());
    byte[] frame = Faces.read(DOOR_FRAME);
    Management inferenceMetrics = inference.management();
    Management portalMetrics = portal.management();
    double inferenceDetects = inferenceMetrics.sum(STAGES, Map.of("stage", "detect"));
    double inferenceEmbeds = inferenceMetrics.sum(STAGES, Map.of("stage", "embed"));
    double remoteCalls = portalMetrics.sum(STAGES, Map.of("stage", "inference"));

    Api.Reply decided = door.decide(frame);

    assertThat(decided.status()).as(decided.body()).isEqualTo(200);
    assertThat(decided.json().getString("decision")).isEqualTo("OPEN");
    assertThat(decided.json().getString("outcome")).isEqualTo("MATCH");
    assertThat(inferenceMetrics.sum(STAGES, Map.of("stage", "detect")))
        .as("the inference node detected")
        .isEqualTo(inferenceDetects + 1);
    assertThat(inferenceMetrics.sum(STAGES, Map.of("stage", "embed")))
        .as("the inference node embedded")
        .isEqualTo(inferenceEmbeds + 1);
    assertThat(portalMetrics.sum(STAGES, Map.of("stage", "detect")))
        .as("the portal never detects")
        .isZero();
    assertThat(portalMetrics.sum(STAGES, Map.of("stage", "embed"))).isZero();
    assertThat(portalMetrics.sum(STAGES, Map.of("stage", "inference", "flow", "door")))
        .as("the portal timed the remote call as its own stage of the door decision")
        .isGreaterThanOrEqualTo(1);
    assertThat(portalMetrics.sum(STAGES, Map.of("stage", "inference"))).isEqualTo(remoteCalls + 1);
    long checkInsBefore = gallery.checkInsOf(door);

    // Frames in flight while the inference node dies, and one sent after: none may wait for a dead
    // node, none may open the door.
    List<CompletableFuture<Answer>> inFlight = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      inFlight.add(send(door.signed(frame, Instant.now(), door.privateKey(), "image/jpeg")));
    }
    Thread.sleep(150);
    inference.kill();
    Instant killed = Instant.now();
    Answer afterDeath =
        send(door.signed(frame, Instant.now(), door.privateKey(), "image/jpeg")).join();
    List<Answer> answers = new ArrayList<>();
    for (CompletableFuture<Answer> answer : inFlight) {
      answers.add(answer.join());
    }
    System.out.printf(
        "Inference node killed: door answered %d in %d ms; in flight: %s%n",
        afterDeath.status(), afterDeath.took().toMillis(), answers);

    assertBackPressureAnswer(afterDeath);
    assertThat(afterDeath.took()).as("fails closed quickly").isLessThan(FAIL_CLOSED_WITHIN);
    for (Answer answer : answers) {
      assertThat(answer.status()).as(answer.body()).isIn(200, 503);
      if (answer.status() == 503) {
        assertBackPressureAnswer(answer);
        assertThat(Duration.between(killed, answer.finished()))
            .as("an analysis lost with the node fails over and ends quickly")
            .isLessThan(FAIL_CLOSED_WITHIN);
      }
    }
    long decidedInFlight = answers.stream().filter(a -> a.status() == 200).count();
    assertThat(gallery.checkInsOf(door))
        .as("a refused frame records nothing")
        .isEqualTo(checkInsBefore + decidedInFlight);
    HttpResponse<String> unready = get(portal, "/api/v1/health");
    assertThat(unready.statusCode()).isEqualTo(503);
    assertThat(json(unready.body()).getJsonObject("checks").getString("inference"))
        .isEqualTo("DOWN");
    assertThat(logOf(portal)).contains("Inference call 'analyse' failed (attempt 2 of 2)");

    inference.start();
    awaitInferenceUp(Duration.ofSeconds(60));
    Api.Reply recovered = door.decide(frame);

    assertThat(recovered.status()).as(recovered.body()).isEqualTo(200);
    assertThat(recovered.json().getString("outcome")).isEqualTo("MATCH");
    assertThat(inference.management().sum(STAGES, Map.of("stage", "detect")))
        .as("the restarted node did the work")
        .isGreaterThanOrEqualTo(1);
  }

  private static void assertBackPressureAnswer(Answer answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(503);
    assertThat(answer.retryAfter()).as("Retry-After").isEqualTo("1");
    assertThat(answer.contentType()).startsWith("application/problem+json");
    JsonObject problem = json(answer.body());
    assertThat(problem.getInt("status")).isEqualTo(503);
    assertThat(problem.getString("detail")).contains("busy");
    assertThat(problem.getString("correlationId")).isEqualTo(answer.correlationId());
  }

  private void awaitInferenceUp(Duration limit) throws InterruptedException {
    Instant deadline = Instant.now().plus(limit);
    String last = "";
    while (Instant.now().isBefore(deadline)) {
      HttpResponse<String> response = get(portal, "/api/v1/health");
      last = response.body();
      if (response.statusCode() == 200) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("The portal did not see the inference node again: " + last);
  }

  record Answer(
      int status,
      String retryAfter,
      String contentType,
      String correlationId,
      String body,
      Duration took,
      Instant finished) {

    @Override
    public String toString() {
      return status + " after " + took.toMillis() + " ms";
    }
  }

  private CompletableFuture<Answer> send(HttpRequest request) {
    long started = System.nanoTime();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .thenApply(
            response ->
                new Answer(
                    response.statusCode(),
                    response.headers().firstValue("Retry-After").orElse(null),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("X-Correlation-ID").orElse(null),
                    response.body(),
                    Duration.ofNanos(System.nanoTime() - started),
                    Instant.now()));
  }

  private JsonObject health(WildFlyNode node) {
    HttpResponse<String> response = get(node, "/api/v1/health");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response.body());
  }

  private HttpResponse<String> get(WildFlyNode node, String path) {
    try {
      return http.send(
          HttpRequest.newBuilder(node.httpUri(path)).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String logOf(WildFlyNode node) throws java.io.IOException {
    return Files.readString(node.serverLog());
  }

  private static JsonObject json(String body) {
    return Json.createReader(new StringReader(body)).readObject();
  }
}
