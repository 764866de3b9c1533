package dev.facegate.it.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facegate.it.support.Api;
import dev.facegate.it.support.DoorClient;
import dev.facegate.it.support.Faces;
import dev.facegate.it.support.Gallery;
import dev.facegate.it.support.Management;
import dev.facegate.it.support.PostgresDatabases;
import dev.facegate.it.support.WildFlyNode;
import java.net.URL;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two portal nodes of one cluster (standalone-ha.xml, JGroups TCP on loopback with a static member
 * list) on the same PostgreSQL database (a fresh one of its own) and the build's Elasticsearch (an
 * alias of its own), the EAR deployed to both: what one node has accepted, the other knows.
 */
class ClusterStateIT {

  private static final int OFFSET_A = 310;
  private static final int OFFSET_B = 320;

  /** A device's budget: a burst of 5, then one request per 1000 s (none during the test). */
  private static final int BURST = 5;

  private static WildFlyNode nodeA;
  private static WildFlyNode nodeB;

  @BeforeAll
  static void startTwoPortalNodes() {
    String database = PostgresDatabases.recreate("facegate_cluster_state");
    List<String> members =
        List.of(WildFlyNode.jgroupsAddressAt(OFFSET_A), WildFlyNode.jgroupsAddressAt(OFFSET_B));
    nodeA = portal("portal-a", OFFSET_A, members, database);
    nodeB = portal("portal-b", OFFSET_B, members, database);
    // One after the other: A migrates the schema and is the first member (and leader) of the view.
    nodeA.start();
    nodeB.start();
  }

  private static WildFlyNode portal(
      String name, int offset, List<String> members, String database) {
    return WildFlyNode.builder(name)
        .setPortOffset(offset)
        .optClustered(members)
        .optPortalDatabase(database)
        .optElasticsearchAlias("facegate-cluster-state-it")
        .optProperty("facegate.devices.rate-burst", Integer.toString(BURST))
        .optProperty("facegate.devices.rate-per-second", "0.001")
        .build();
  }

  @AfterAll
  static void stopNodes() {
    for (WildFlyNode node : new WildFlyNode[] {nodeA, nodeB}) {
      if (node != null) {
        node.stop();
      }
    }
  }

  private static Api api(WildFlyNode node) throws Exception {
    return Api.asAdmin(new URL(node.httpUri("/").toString()));
  }

  @Test
  void aSignedRequestAcceptedOnNodeAIsARefusedReplayOnNodeB() throws Exception {
    DoorClient doorA = new Gallery(api(nodeA)).door("Replay door " + System.nanoTime());
    // The same door as seen through node B (only its address differs; the key stays in the test).
    DoorClient doorB = DoorClient.withKey(api(nodeB), doorA.doorId(), null);
    byte[] frame = Faces.read("azure_face_samples/Family1-Dad3.jpg");
    Map<String, String> headers =
        DoorClient.signatureHeaders(
            doorA.doorId(), DoorClient.sha256(frame), Instant.now(), doorA.privateKey());

    Api.Reply onA = doorA.send(doorA.signed(body(frame), headers, "image/jpeg"));
    Api.Reply replayOnB = doorB.send(doorB.signed(body(frame), headers, "image/jpeg"));
    Api.Reply freshOnB =
        doorB.send(
            doorB.signed(
                body(frame),
                DoorClient.signatureHeaders(
                    doorA.doorId(), DoorClient.sha256(frame), Instant.now(), doorA.privateKey()),
                "image/jpeg"));

    assertThat(onA.status()).as(onA.body()).isEqualTo(200);
    assertThat(replayOnB.status()).as(replayOnB.body()).isEqualTo(401);
    assertThat(replayOnB.body()).contains("replay");
    assertThat(freshOnB.status()).as("node B accepts the door's fresh request").isEqualTo(200);
  }

  @Test
  void aDevicesRateLimitHoldsAcrossBothNodes() throws Exception {
    DoorClient doorA = new Gallery(api(nodeA)).door("Rate door " + System.nanoTime());
    DoorClient doorB = DoorClient.withKey(api(nodeB), doorA.doorId(), null);
    byte[] frame = Faces.read("azure_face_samples/Family1-Dad3.jpg");

    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 2 * BURST + 2; i++) {
      DoorClient via = i % 2 == 0 ? doorA : doorB;
      Map<String, String> headers =
          DoorClient.signatureHeaders(
              doorA.doorId(), DoorClient.sha256(frame), Instant.now(), doorA.privateKey());
      statuses.add(via.send(via.signed(body(frame), headers, "image/jpeg")).status());
    }

    // Alternating A, B, A, ...: with a limit per node each would accept 5 (10 in all).
    assertThat(statuses.subList(0, BURST)).as("%s", statuses).containsOnly(200);
    assertThat(statuses.subList(BURST, statuses.size())).as("%s", statuses).containsOnly(429);
  }

  @Test
  void theIndexReconcilerRunsOnExactlyOneNode() throws InterruptedException {
    double leaderA = leader(nodeA.management());
    double leaderB = leader(nodeB.management());

    assertThat(leaderA + leaderB).as("A: %s, B: %s", leaderA, leaderB).isEqualTo(1.0);
    Management leader = leaderA == 1.0 ? nodeA.management() : nodeB.management();
    Management follower = leaderA == 1.0 ? nodeB.management() : nodeA.management();
    // The leader reconciles at start-up, or within a minute of an election that came after it.
    Instant deadline = Instant.now().plusSeconds(90);
    while (reconciliations(leader) == 0 && Instant.now().isBefore(deadline)) {
      Thread.sleep(2_000);
    }
    assertThat(reconciliations(leader)).isPositive();
    assertThat(reconciliations(follower)).as("the other node never reconciled").isZero();
  }

  private static double reconciliations(Management management) {
    return management.sum("facegate_index_reconciliations_total", Map.of());
  }

  private static double leader(Management management) {
    return management.sum("facegate_reconciler_leader", Map.of());
  }

  private static HttpRequest.BodyPublisher body(byte[] frame) {
    return HttpRequest.BodyPublishers.ofByteArray(frame);
  }
}
