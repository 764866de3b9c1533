package dev.facegate.it.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facegate.it.support.Api;
import dev.facegate.it.support.DoorClient;
import dev.facegate.it.support.Faces;
import dev.facegate.it.support.Gallery;
import dev.facegate.it.support.Management;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The face engine's bound under a real burst. The test server runs with a low bound ({@code
 * it.inference.max-concurrent} and {@code it.inference.max-queued} in ear/pom.xml, passed as {@code
 * facegate.inference.*} by arquillian.xml), and several doors send frames at once: the requests
 * beyond the bound must get a quick 503 problem with {@code Retry-After} (the door stays closed),
 * none a 500, and the doors must be served normally once the burst is over.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BackPressureIT {

  /**
   * deepface cluster 6 (img13): one face enrolled by no test (cluster 5 is DoorBurstIT's enrolled
   * person), so every frame is detected, embedded and searched, and the door says DENY.
   */
  private static final String STRANGER = "deepface_tests/img13.jpg";

  private static final int DOORS = 6;

  /** Per door, well inside the per-device burst (10), so the rate limit never answers. */
  private static final int FRAMES_PER_DOOR = 4;

  /**
   * A refusal must not wait for the engine: at most the queue timeout (2 s) plus generous slack for
   * a loaded two-core machine. Without the bound, the last of these requests would wait for all the
   * analyses before it.
   */
  private static final Duration QUICK = Duration.ofSeconds(5);

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return dev.facegate.it.support.Deployments.application();
  }

  @ArquillianResource URL baseUrl;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  record Answer(int status, String retryAfter, String correlationId, String body, Duration took) {}

  @Test
  void beyondTheEngineBoundDoorsGetAQuick503WithRetryAfterAndTheServerRecovers() throws Exception {
    Api api = Api.asAdmin(baseUrl);
    Gallery gallery = new Gallery(api);
    byte[] frame = Faces.read(STRANGER);
    List<DoorClient> doors = new ArrayList<>();
    for (int i = 0; i < DOORS; i++) {
      doors.add(gallery.door("Busy door " + i + " " + System.nanoTime()));
    }
    Management management = Management.ofTestServer();
    double rejectedBefore = management.sum("facegate_inference_rejected_total", Map.of());

    // Signed up front, sent together.
    List<HttpRequest> burst = new ArrayList<>();
    for (DoorClient door : doors) {
      for (int i = 0; i < FRAMES_PER_DOOR; i++) {
        burst.add(door.signed(frame, Instant.now(), door.privateKey(), "image/jpeg"));
      }
    }
    List<CompletableFuture<Answer>> sent = burst.stream().map(this::send).toList();
    List<Answer> answers = sent.stream().map(CompletableFuture::join).toList();

    assertThat(answers)
        .as("every request is decided or refused as busy, never a server error")
        .allSatisfy(a -> assertThat(a.status()).as(a.body()).isIn(200, 503));
    List<Answer> refused = answers.stream().filter(a -> a.status() == 503).toList();
    List<Answer> decided = answers.stream().filter(a -> a.status() == 200).toList();
    // For the record (docs/operations.md, Back-pressure): how the burst was answered.
    System.out.printf(
        "Back-pressure burst: %d requests, %d decided (slowest %d ms), %d refused with 503 (slowest"
            + " %d ms)%n",
        answers.size(), decided.size(), slowest(decided), refused.size(), slowest(refused));
    assertThat(refused).as("the bound was reached").isNotEmpty();
    assertThat(decided).as("the engine kept working").isNotEmpty();
    for (Answer busy : refused) {
      assertThat(busy.retryAfter()).as("Retry-After").isEqualTo("1");
      assertThat(busy.took()).as("a refusal does not queue").isLessThan(QUICK);
      JsonObject problem = json(busy.body());
      assertThat(problem.getInt("status")).isEqualTo(503);
      assertThat(problem.getString("detail")).contains("busy");
      assertThat(problem.getString("correlationId")).isEqualTo(busy.correlationId());
    }
    for (Answer ok : decided) {
      assertThat(json(ok.body()).getString("decision")).as("fails closed").isEqualTo("DENY");
    }
    assertThat(management.sum("facegate_inference_rejected_total", Map.of()))
        .isEqualTo(rejectedBefore + refused.size());
    assertThat(management.sum("facegate_inference_queued", Map.of())).isZero();
    assertThat(management.sum("facegate_inference_running", Map.of())).isZero();
    // One warning per saturation (not per refusal), carrying the first refused request's id.
    String log =
        Files.readString(
            Path.of(System.getProperty("it.wildfly.home"), "standalone", "log", "server.log"),
            StandardCharsets.UTF_8);
    assertThat(refused)
        .anySatisfy(
            busy ->
                assertThat(log)
                    .containsPattern("\\[" + busy.correlationId() + "\\] Face engine saturated"));

    // The burst is over: every door is served again, one frame at a time.
    for (DoorClient door : doors) {
      Api.Reply again = door.decide(frame);
      assertThat(again.status()).as(again.body()).isEqualTo(200);
      assertThat(again.json().getString("outcome")).isEqualTo("UNKNOWN");
    }
  }

  private static long slowest(List<Answer> answers) {
    return answers.stream().mapToLong(a -> a.took().toMillis()).max().orElse(0);
  }

  private CompletableFuture<Answer> send(HttpRequest request) {
    long started = System.nanoTime();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .thenApply(
            response ->
                new Answer(
                    response.statusCode(),
                    response.headers().firstValue("Retry-After").orElse(null),
                    response.headers().firstValue("X-Correlation-ID").orElse(null),
                    response.body(),
                    Duration.ofNanos(System.nanoTime() - started)));
  }

  private static JsonObject json(String body) {
    try (var reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    }
  }
}
