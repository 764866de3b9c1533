package dev.facegate.index.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.facegate.index.control.FaceIndexBackend;
import dev.facegate.index.control.LuceneFaceIndex;
import dev.facegate.index.entity.FaceMatch;
import dev.facegate.index.entity.FaceModel;
import dev.facegate.index.entity.IndexUnavailableException;
import dev.facegate.index.entity.IndexedFace;
import dev.facegate.index.entity.TagFilter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backend choice (Elasticsearch when a URL is configured) and the facade over it. */
class FaceIndexConfigurationTest {

  @TempDir Path folder;

  /** The configuration with the defaults its {@code @ConfigProperty} annotations declare. */
  private FaceIndexConfiguration defaults() {
    FaceIndexConfiguration configuration = new FaceIndexConfiguration();
    configuration.modelId = "dlib-resnet29";
    configuration.modelVersion = "1";
    configuration.dimensions = 128;
    configuration.numCandidates = 100;
    configuration.url = Optional.empty();
    configuration.apiKey = Optional.empty();
    configuration.username = Optional.empty();
    configuration.password = Optional.empty();
    configuration.connectTimeoutMs = 2000;
    configuration.responseTimeoutMs = 10000;
    configuration.alias = "facegate-faces";
    configuration.indexType = "int8_hnsw";
    configuration.rescoreOversample = 3;
    configuration.replicas = 1;
    configuration.refresh = "wait_for";
    configuration.luceneDirectory = Optional.of(folder.toString());
    return configuration;
  }

  @Test
  void withoutAnElasticsearchUrlTheEmbeddedLuceneIndexServesTheFacade() {
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
}
