package dev.facegate.it.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facegate.it.support.Management;
import dev.facegate.it.support.PostgresDatabases;
import dev.facegate.it.support.WildFlyNode;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The index reconciler's HA singleton moves: when the node running it dies, the other node of the
 * cluster is elected and reconciles (the start-up run it had skipped) within about a minute.
 */
class ReconcilerFailoverIT {

  private static final int OFFSET_A = 310;
  private static final int OFFSET_B = 320;

  private WildFlyNode nodeA;
  private WildFlyNode nodeB;

  @Test
  void whenTheLeaderDiesTheOtherNodeTakesOverAndReconciles() throws Exception {
    String database = PostgresDatabases.recreate("facegate_reconciler_failover");
    List<String> members =
        List.of(WildFlyNode.jgroupsAddressAt(OFFSET_A), WildFlyNode.jgroupsAddressAt(OFFSET_B));
    nodeA = portal("failover-a", OFFSET_A, members, database);
    nodeB = portal("failover-b", OFFSET_B, members, database);
    nodeA.start();
    nodeB.start();
    boolean aLeads = leader(nodeA.management()) == 1.0;
    WildFlyNode leader = aLeads ? nodeA : nodeB;
    WildFlyNode follower = aLeads ? nodeB : nodeA;
    assertThat(leader(follower.management())).as("exactly one leader").isZero();
    assertThat(reconciliations(follower.management())).isZero();

    leader.kill();

    Management survivor = follower.management();
    awaitTrue(Duration.ofSeconds(90), () -> leader(survivor) == 1.0, "the survivor is elected");
    awaitTrue(
        Duration.ofSeconds(120),
        () -> reconciliations(survivor) > 0,
        "the survivor reconciles after its election");
    assertThat(Files.readString(follower.serverLog()))
        .contains("Elected by the HA singleton policy");
  }

  private static WildFlyNode portal(
      String name, int offset, List<String> members, String database) {
    return WildFlyNode.builder(name)
        .setPortOffset(offset)
        .optClustered(members)
        .optPortalDatabase(database)
        .optElasticsearchAlias("facegate-reconciler-failover-it")
        .build();
  }

  @AfterEach
  void stopNodes() {
    for (WildFlyNode node : new WildFlyNode[] {nodeA, nodeB}) {
      if (node != null) {
        node.stop();
      }
    }
  }

  private static double leader(Management management) {
    return management.sum("facegate_reconciler_leader", Map.of());
  }

  private static double reconciliations(Management management) {
    return management.sum("facegate_index_reconciliations_total", Map.of());
  }

  private static void awaitTrue(Duration limit, BooleanSupplier condition, String what)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(limit);
    while (!condition.getAsBoolean()) {
      assertThat(Instant.now()).as(what + " within " + limit).isBefore(deadline);
      Thread.sleep(1_000);
    }
  }
}
