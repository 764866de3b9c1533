package dev.facegate.it.operations;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.facegate.it.support.PostgresDatabases;
import dev.facegate.it.support.WildFlyNode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A clustered server (standalone-ha.xml) without an Elasticsearch URL would keep its own embedded
 * Lucene gallery: it refuses to start, and says which setting fixes it.
 */
class ClusteredEmbeddedIndexIT {

  private static final int OFFSET = 330;

  private WildFlyNode node;

  @Test
  void aClusteredServerWithTheEmbeddedIndexDoesNotStart() {
    String database = PostgresDatabases.recreate("facegate_clustered_lucene");
    node =
        WildFlyNode.builder("clustered-lucene")
            .setPortOffset(OFFSET)
            .optClustered(List.of(WildFlyNode.jgroupsAddressAt(OFFSET)))
            .optPortalDatabase(database)
            .build();

    assertThatThrownBy(node::start)
        .hasMessageContaining("could not deploy the EAR")
        .hasMessageContaining("FACEGATE_INDEX_ELASTICSEARCH_URL")
        .hasMessageContaining("FACEGATE_INDEX_SINGLE_NODE=true");
  }

  @AfterEach
  void stop() {
    if (node != null) {
      node.stop();
    }
  }
}
