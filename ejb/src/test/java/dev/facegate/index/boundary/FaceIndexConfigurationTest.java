package dev.facegate.index.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.facegate.index.control.ElasticsearchSettings;
import dev.facegate.index.control.FaceIndexBackend;
import dev.facegate.index.control.LuceneFaceIndex;
import dev.facegate.index.entity.FaceMatch;
import dev.facegate.index.entity.FaceModel;
import dev.facegate.index.entity.IndexUnavailableException;
import dev.facegate.index.entity.IndexedFace;
import dev.facegate.index.entity.TagFilter;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backend choice (Elasticsearch when a URL is configured) and the facade over it. */
class FaceIndexConfigurationTest {

  @TempDir Path folder;

  /**
   * The configuration with the defaults of {@code META-INF/microprofile-config.properties}, a test
   * model and a temporary Lucene folder.
   */
  private FaceIndexConfiguration defaults() throws IOException {
    Properties file = new Properties();
    try (InputStream in =
        FaceIndexConfiguration.class.getResourceAsStream(
            "/META-INF/microprofile-config.properties")) {
      file.load(in);
    }
    FaceIndexConfiguration configuration = new FaceIndexConfiguration();
    configuration.modelId = "dlib-resnet29";
    configuration.modelVersion = "1";
    configuration.dimensions =
        Integer.parseInt(file.getProperty("facegate.index.model.dimensions"));
    configuration.numCandidates =
        Integer.parseInt(file.getProperty("facegate.index.num-candidates"));
    configuration.url = Optional.empty();
    configuration.apiKey = Optional.empty();
    configuration.username = Optional.empty();
    configuration.password = Optional.empty();
    configuration.caFingerprint = Optional.empty();
    configuration.caFile = Optional.empty();
    configuration.connectTimeoutMs =
        Long.parseLong(file.getProperty("facegate.index.elasticsearch.connect-timeout-ms"));
    configuration.responseTimeoutMs =
        Long.parseLong(file.getProperty("facegate.index.elasticsearch.response-timeout-ms"));
    configuration.alias = file.getProperty("facegate.index.elasticsearch.alias");
    configuration.indexType = file.getProperty("facegate.index.elasticsearch.index-type");
    configuration.rescoreOversample =
        Float.parseFloat(file.getProperty("facegate.index.elasticsearch.rescore-oversample"));
    configuration.replicas =
        Integer.parseInt(file.getProperty("facegate.index.elasticsearch.replicas"));
    configuration.refresh = file.getProperty("facegate.index.elasticsearch.refresh");
    configuration.luceneDirectory = Optional.of(folder.toString());
    configuration.singleNode = Boolean.parseBoolean(file.getProperty("facegate.index.single-node"));
    return configuration;
  }

  @Test
  void theSettingsBuildersDefaultsAreTheServersDefaults() throws IOException {
    FaceIndexConfiguration configuration = defaults();
    configuration.url = Optional.of(" http://search.example:9200 ");
    FaceModel model = new FaceModel("dlib-resnet29", "1", 128);

    assertThat(configuration.elasticsearchSettings(model))
        .isEqualTo(
            ElasticsearchSettings.builder()
                .setUrl(URI.create("http://search.example:9200"))
                .setModel(model)
                .build());
  }

  @Test
  void configuredCredentialsReachTheSettings() throws IOException {
    FaceIndexConfiguration configuration = defaults();
    configuration.url = Optional.of("https://search.example:9200");
    configuration.apiKey = Optional.of("a2V5");
    configuration.username = Optional.of("facegate");
    configuration.password = Optional.of(" ");

    ElasticsearchSettings settings =
        configuration.elasticsearchSettings(new FaceModel("dlib-resnet29", "1", 128));

    assertThat(settings.apiKey()).hasValue("a2V5");
    assertThat(settings.username()).hasValue("facegate");
    assertThat(settings.password()).as("blank is none").isEmpty();
  }

  @Test
  void withoutAnElasticsearchUrlTheEmbeddedLuceneIndexServesTheFacade() throws IOException {
    FaceIndexConfiguration configuration = defaults();
    configuration.url = Optional.of(" ");

    try (FaceIndexBackend backend = configuration.backend()) {
      assertThat(backend).isInstanceOf(LuceneFaceIndex.class);
      FaceIndex index = new FaceIndex();
      index.backend = backend;
      FaceModel model = index.model();
      float[] v = new float[128];
      v[0] = 1;
      index.upsert(new IndexedFace("t1", "p1", model, v, Map.of("site", "hq")));

      assertThat(model.key()).isEqualTo("dlib-resnet29@1");
      assertThat(index.count()).isEqualTo(1);
      assertThat(index.findNearest(model, v, TagFilter.of("site", "hq")))
          .map(FaceMatch::personId)
          .hasValue("p1");
      assertThat(index.findNearest(model, v, TagFilter.of("site", "plant"))).isEmpty();
    }
    assertThat(folder.resolve("dlib-resnet29-v1")).isDirectory();
  }

  @Test
  void withAnElasticsearchUrlElasticsearchIsUsedAndAnUnreachableClusterIsAClearError()
      throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    FaceIndexConfiguration configuration = defaults();
    configuration.url = Optional.of("http://127.0.0.1:" + port);

    assertThatThrownBy(configuration::backend)
        .isInstanceOf(IndexUnavailableException.class)
        .hasMessageContaining("Elasticsearch at http://127.0.0.1:" + port);
  }

  @Test
  void theIndexSaysItIsRebuildingUntilTheNewContentIsComplete() throws Exception {
    FaceIndexConfiguration configuration = defaults();
    try (FaceIndexBackend backend = configuration.backend()) {
      FaceIndex index = new FaceIndex();
      index.backend = backend;
      FaceModel model = index.model();
      float[] v = new float[128];
      v[0] = 1;
      java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
      java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
      // A source that holds the rebuild after its first face until the test lets it go on.
      java.util.stream.Stream<IndexedFace> source =
          java.util.stream.Stream.of("t1", "t2")
              .map(
                  id -> {
                    if (id.equals("t2")) {
                      started.countDown();
                      await(release);
                    }
                    return new IndexedFace(id, "p-" + id, model, v, Map.of());
                  });
      assertThat(index.isRebuilding()).isFalse();

      java.util.concurrent.CompletableFuture<Long> rebuild =
          java.util.concurrent.CompletableFuture.supplyAsync(() -> index.rebuild(source));
      assertThat(started.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      assertThat(index.isRebuilding()).isTrue();

      release.countDown();
      assertThat(rebuild.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(2);
      assertThat(index.isRebuilding()).isFalse();
    }
  }

  private static void await(java.util.concurrent.CountDownLatch latch) {
    try {
      if (!latch.await(30, java.util.concurrent.TimeUnit.SECONDS)) {
        throw new IllegalStateException("never released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aClusteredServerRefusesTheEmbeddedIndexNamingTheSettingsThatFixIt() throws IOException {
    FaceIndexConfiguration configuration = defaults();

    assertThatThrownBy(() -> configuration.refuseEmbeddedIndexWhenClustered(true))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("FACEGATE_INDEX_ELASTICSEARCH_URL")
        .hasMessageContaining("FACEGATE_INDEX_SINGLE_NODE=true");
    // Alone, as before clustering existed.
    configuration.refuseEmbeddedIndexWhenClustered(false);
  }

  @Test
  void aClusteredServerStartsWithElasticsearchOrWhenToldItIsTheOnlyNode() throws IOException {
    FaceIndexConfiguration withElasticsearch = defaults();
    withElasticsearch.url = Optional.of("http://127.0.0.1:9200");
    withElasticsearch.refuseEmbeddedIndexWhenClustered(true);

    FaceIndexConfiguration singleNode = defaults();
    singleNode.singleNode = true;
    singleNode.refuseEmbeddedIndexWhenClustered(true);

    FaceIndexConfiguration blankUrl = defaults();
    blankUrl.url = Optional.of(" ");
    assertThatThrownBy(() -> blankUrl.refuseEmbeddedIndexWhenClustered(true))
        .isInstanceOf(IllegalStateException.class);
  }
}
