package dev.facegate.it.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facegate.it.support.Api;
import dev.facegate.it.support.Deployments;
import dev.facegate.it.support.DoorClient;
import dev.facegate.it.support.Faces;
import dev.facegate.it.support.Gallery;
import dev.facegate.it.support.Management;
import dev.facegate.it.support.TestCredentials;
import dev.facegate.it.support.WildFlyNode;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Door decisions per second at concurrency 8 with the face engine in-process (the Arquillian test
 * server) against a portal whose faces are analysed by one separate inference node (two more
 * servers started with {@link WildFlyNode}), same machine, same run, same database, index, doors
 * and frames; rounds alternate so that a change of the machine's load hits both. Prints throughput,
 * median and p90 per round and the mean latency per stage from each server's metrics (detect and
 * embed where the work happens; the remote portal's {@code inference} stage is its round trip).
 * Asserts only that the set-up worked. Run with {@code ./mvnw -B verify -Pbench
 * -Dit.test=RemoteInferenceBench}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RemoteInferenceBench {

  private static final int INFERENCE_OFFSET = 222;
  private static final int PORTAL_OFFSET = 226;
  private static final int DOORS = 16;
  private static final int WARM_UP = 16;
  private static final int REQUESTS = 120;
  private static final int CONCURRENCY = 8;
  private static final int ROUNDS = 2;

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.application();
  }

  @ArquillianResource URL baseUrl;

  @Test
  void inProcessAgainstOneInferenceNode() throws Exception {
    Api local = Api.asAdmin(baseUrl);
    Gallery gallery = new Gallery(local);
    gallery.enrolledOnce(
        "Family1 Dad",
        "azure_face_samples/Family1-Dad1.jpg",
        "azure_face_samples/Family1-Dad2.jpg");
    List<DoorClient> localDoors = new ArrayList<>();
    for (int i = 0; i < DOORS; i++) {
      localDoors.add(gallery.door("Inference bench door " + i + " " + System.nanoTime()));
    }
    byte[] member = Faces.read("azure_face_samples/Family1-Dad3.jpg");
    byte[] stranger = Faces.read("azure_face_samples/Family3-Man1.jpg");

    String user = "portal-" + UUID.randomUUID().toString().substring(0, 8);
    String password = UUID.randomUUID().toString();
    try (WildFlyNode inference =
            WildFlyNode.builder("bench-inference")
                .setPortOffset(INFERENCE_OFFSET)
                .optCliScript(
                    Path.of(System.getProperty("it.cli.dir")).resolve("configure-inference.cli"))
                .optEnvironment("FACEGATE_ROLE", "inference")
                .optEnvironment("FACEGATE_INFERENCE_USERNAME", user)
                .optEnvironment("FACEGATE_INFERENCE_PASSWORD", password)
                .optHeap("1536m")
                .build();
        WildFlyNode portal =
            WildFlyNode.builder("bench-portal")
                .setPortOffset(PORTAL_OFFSET)
                // The same database and index as the in-process server: same gallery, same doors.
                .optProperty("facegate.db.url", System.getProperty("it.db.url"))
                .optProperty("facegate.db.user", System.getProperty("it.db.user"))
                .optProperty("facegate.db.password", System.getProperty("it.db.password"))
                .optProperty("facegate.index.elasticsearch.url", System.getProperty("it.es.url"))
                .optProperty("facegate.index.elasticsearch.replicas", "0")
                .optProperty("facegate.admin.username", TestCredentials.ADMIN_USERNAME)
                .optProperty("facegate.admin.password", TestCredentials.adminPassword())
                .optEnvironment(
                    "FACEGATE_INFERENCE_NODES", "127.0.0.1:" + (8080 + INFERENCE_OFFSET))
                .optEnvironment("FACEGATE_INFERENCE_USERNAME", user)
                .optEnvironment("FACEGATE_INFERENCE_PASSWORD", password)
                .build()) {
      inference.start();
      portal.start();
      Api remote = Api.asAdmin(new URL(portal.httpUri("/").toString()));
      List<DoorClient> remoteDoors = localDoors.stream().map(door -> door.on(remote)).toList();
      Management localMetrics = Management.ofTestServer();
      Management portalMetrics = portal.management();
      Management inferenceMetrics = inference.management();

      run(localDoors, member, stranger, WARM_UP);
      run(remoteDoors, member, stranger, WARM_UP);
      StringBuilder report =
          new StringBuilder(
              String.format(
                  Locale.ROOT,
                  "In-process vs one inference node, concurrency %d, %d requests per round, %d-core"
                      + " machine, load average before: %s%n",
                  CONCURRENCY,
                  REQUESTS,
                  Runtime.getRuntime().availableProcessors(),
                  DoorLoad.loadAverage()));
      for (int round = 1; round <= ROUNDS; round++) {
        Map<String, double[]> localBefore = DoorLoad.stages(localMetrics);
        String inProcess = run(localDoors, member, stranger, REQUESTS);
        Map<String, double[]> localAfter = DoorLoad.stages(localMetrics);
        Map<String, double[]> portalBefore = DoorLoad.stages(portalMetrics);
        Map<String, double[]> nodeBefore = DoorLoad.stages(inferenceMetrics);
        String remoteRun = run(remoteDoors, member, stranger, REQUESTS);
        Map<String, double[]> portalAfter = DoorLoad.stages(portalMetrics);
        Map<String, double[]> nodeAfter = DoorLoad.stages(inferenceMetrics);
        report
            .append(String.format(Locale.ROOT, "round %d in-process  %s%n", round, inProcess))
            .append("    stages (mean ms): ")
            .append(DoorLoad.stageMeans(localBefore, localAfter))
            .append(System.lineSeparator())
            .append(String.format(Locale.ROOT, "round %d remote      %s%n", round, remoteRun))
            .append("    portal stages (mean ms): ")
            .append(DoorLoad.stageMeans(portalBefore, portalAfter))
            .append(System.lineSeparator())
            .append("    inference node stages (mean ms): ")
            .append(DoorLoad.stageMeans(nodeBefore, nodeAfter))
            .append(System.lineSeparator());
      }
      report
          .append("load average after: ")
          .append(DoorLoad.loadAverage())
          .append(System.lineSeparator());
      System.out.println(report);
      Path out = Path.of(System.getProperty("it.bench.dir", "target/bench"));
      Files.createDirectories(out);
      Files.writeString(out.resolve("remote-inference.txt"), report);
      assertThat(portalMetrics.sum(DoorLoad.DECISION_STAGE + "_count", Map.of("stage", "detect")))
          .as("the remote portal never analysed itself")
          .isZero();
      assertThat(
              inferenceMetrics.sum(DoorLoad.DECISION_STAGE + "_count", Map.of("stage", "detect")))
          .isGreaterThanOrEqualTo(ROUNDS * REQUESTS);
    }
  }

  private static String run(List<DoorClient> doors, byte[] member, byte[] stranger, int requests)
      throws Exception {
    return DoorLoad.run(doors, member, stranger, CONCURRENCY, requests).line("").strip();
  }
}
