package dev.facegate.index.control;

import static dev.facegate.index.control.Faces.MODEL;
import static dev.facegate.index.control.Faces.face;
import static org.assertj.core.api.Assertions.assertThat;

import dev.facegate.index.entity.FaceMatch;
import dev.facegate.index.entity.FaceModel;
import dev.facegate.index.entity.IndexUnavailableException;
import dev.facegate.index.entity.TagFilter;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The contract against a real Elasticsearch 9.5 node, which the build starts before the integration
 * tests (see {@code org.elasticsearch.node.FaceGateTestNode}) and passes in {@code es.url}. Each
 * test gets its own alias.
 */
class ElasticsearchFaceIndexIT extends FaceIndexContract {

  private static final AtomicInteger ALIASES = new AtomicInteger();
  private static URI url;

  private ElasticsearchSettings settings;

  @BeforeAll
  static void waitForTheNode() throws InterruptedException {
    String configured = System.getProperty("es.url");
    assertThat(configured).as("system property es.url (set by the build)").isNotBlank();
    url = URI.create(configured);
    ElasticsearchSettings probe = onTheTestNode(MODEL).optAlias("facegate-startup-probe").build();
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    ElasticsearchFaceIndex index = null;
    while (index == null) {
      // opening bootstraps the probe alias, which needs a node that answers
      try {
        index = ElasticsearchFaceIndex.open(probe);
      } catch (IndexUnavailableException e) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("the Elasticsearch test node did not come up at " + url, e);
        }
        Thread.sleep(500);
      }
    }
    try (ElasticsearchFaceIndex opened = index) {
      opened.dropAll();
    }
  }

  /** Settings for the single test node: no replicas. */
  private static ElasticsearchSettings.Builder onTheTestNode(FaceModel model) {
    return ElasticsearchSettings.builder().setUrl(url).setModel(model).optReplicas(0);
  }

  @Override
  protected FaceIndexBackend newIndex() {
    settings = onTheTestNode(MODEL).optAlias("facegate-test-" + ALIASES.incrementAndGet()).build();
    return ElasticsearchFaceIndex.open(settings);
  }

  @Override
  protected void dispose() {
    try (ElasticsearchFaceIndex cleaner = ElasticsearchFaceIndex.open(settings)) {
      cleaner.dropAll();
    }
  }

  @Test
  void bootstrapIsIdempotentAndDocumentsGoToTheModelsIndexBehindTheAlias() {
    index.upsert(List.of(face("t1").vector(faces.vector()).build()));

    try (ElasticsearchFaceIndex again = ElasticsearchFaceIndex.open(settings)) {
      assertThat(again.count()).isEqualTo(1);
      assertThat(again.indexPrefix()).isEqualTo(settings.alias() + "-" + MODEL.slug() + "-");
    }
  }

  @Test
  void anotherModelVersionMovesTheAliasToANewEmptyIndex() {
    index.upsert(List.of(face("t1").vector(faces.vector()).build()));

    try (ElasticsearchFaceIndex other =
        ElasticsearchFaceIndex.open(
            onTheTestNode(Faces.OTHER_VERSION).optAlias(settings.alias()).build())) {
      assertThat(other.count()).isZero();
    }
  }

  @Test
  void exactHnswWithoutQuantisationAlsoWorks() {
    ElasticsearchSettings hnsw =
        onTheTestNode(MODEL)
            .optAlias(settings.alias() + "-hnsw")
            .optNumCandidates(50)
            .optIndexType("hnsw")
            .build();
    try (ElasticsearchFaceIndex plain = ElasticsearchFaceIndex.open(hnsw)) {
      float[] v = faces.vector();
      plain.upsert(List.of(face("t1").vector(v).build()));
      assertThat(plain.nearest(MODEL, v, 1, TagFilter.NONE))
          .extracting(FaceMatch::templateId)
          .containsExactly("t1");
      plain.dropAll();
    }
  }
}
