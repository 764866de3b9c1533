package dev.facegate.index.boundary;

import dev.facegate.index.control.ElasticsearchFaceIndex;
import dev.facegate.index.control.ElasticsearchSettings;
import dev.facegate.index.control.FaceIndexBackend;
import dev.facegate.index.control.LuceneFaceIndex;
import dev.facegate.index.control.LuceneSettings;
import dev.facegate.index.entity.FaceModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Chooses and builds the index backend from MicroProfile Config: Elasticsearch when {@code
 * facegate.index.elasticsearch.url} is set, the embedded Lucene index otherwise. Every setting can
 * be overridden by an environment variable (e.g. {@code FACEGATE_INDEX_ELASTICSEARCH_URL}); the
 * defaults are in {@code META-INF/microprofile-config.properties}.
 *
 * <p>The backend is created on first use, not at deployment, so a cluster that is down does not
 * stop the application from starting; the first call then fails quickly and a later one retries.
 */
@ApplicationScoped
public class FaceIndexConfiguration {

  private static final Logger LOG = Logger.getLogger(FaceIndexConfiguration.class.getName());

  @Inject
  @ConfigProperty(name = "facegate.index.model.id")
  String modelId;

  @Inject
  @ConfigProperty(name = "facegate.index.model.version")
  String modelVersion;

  @Inject
  @ConfigProperty(name = "facegate.index.model.dimensions")
  int dimensions;

  @Inject
  @ConfigProperty(name = "facegate.index.num-candidates")
  int numCandidates;

  @Inject
  @ConfigProperty(name = "facegate.index.elasticsearch.url")
  Optional<String> url;

  @Inject
  @ConfigProperty(name = "facegate.index.elasticsearch.api-key")
  Optional<String> apiKey;

  @Inject
  @ConfigProperty(name = "facegate.index.elasticsearch.username")
  Optional<String> username;

  @Inject
  @ConfigProperty(name = "facegate.index.elasticsearch.password")
  Optional<String> password;

  @Inject
  @ConfigProperty(name = "facegate.index.elasticsearch.ca-fingerprint")
  Optional<String> caFingerprint;

  @Inject
  @ConfigProperty(name = "facegate.index.elasticsearch.ca-file")
  Optional<String> caFile;

  @Inject
  @ConfigProperty(name = "facegate.index.elasticsearch.connect-timeout-ms")
  long connectTimeoutMs;

  @Inject
  @ConfigProperty(name = "facegate.index.elasticsearch.response-timeout-ms")
  long responseTimeoutMs;

  @Inject
  @ConfigProperty(name = "facegate.index.elasticsearch.alias")
  String alias;

  @Inject
  @ConfigProperty(name = "facegate.index.elasticsearch.index-type")
  String indexType;

  @Inject
  @ConfigProperty(name = "facegate.index.elasticsearch.rescore-oversample")
  float rescoreOversample;

  @Inject
  @ConfigProperty(name = "facegate.index.elasticsearch.replicas")
  int replicas;

  @Inject
  @ConfigProperty(name = "facegate.index.elasticsearch.refresh")
  String refresh;

  /** True: a clustered server may use the embedded Lucene index (it is the only node). */
  @Inject
  @ConfigProperty(name = "facegate.index.single-node")
  boolean singleNode;

  /** Default: {@code ${jboss.server.data.dir}/facegate/index}. */
  @Inject
  @ConfigProperty(name = "facegate.index.lucene.directory")
  Optional<String> luceneDirectory;

  @Produces
  @ApplicationScoped
  FaceIndexBackend backend() {
    FaceModel model = new FaceModel(modelId, modelVersion, dimensions);
    if (usesElasticsearch()) {
      ElasticsearchSettings settings = elasticsearchSettings(model);
      LOG.info(() -> "face index: " + settings);
      return ElasticsearchFaceIndex.open(settings);
    }
    LuceneSettings settings = new LuceneSettings(luceneFolder(), model, numCandidates);
    LOG.info(() -> "face index: embedded Lucene in " + settings.directory() + ", " + model.key());
    return LuceneFaceIndex.open(settings);
  }

  /**
   * Refuses the embedded Lucene index on a clustered server: every node would keep its own gallery,
   * and a face enrolled through one node would be unknown at doors served by another.
   *
   * @param clustered whether the server runs a clustered configuration
   * @throws IllegalStateException when clustered, without an Elasticsearch URL and not told it is
   *     the only node
   */
  public void refuseEmbeddedIndexWhenClustered(boolean clustered) {
    if (clustered && !usesElasticsearch() && !singleNode) {
      throw new IllegalStateException(
          "This server runs clustered (standalone-ha.xml) but the face index is the embedded Lucene"
              + " index, which each node would hold on its own. Set FACEGATE_INDEX_ELASTICSEARCH_URL"
              + " (facegate.index.elasticsearch.url) to the shared Elasticsearch cluster, or set"
              + " FACEGATE_INDEX_SINGLE_NODE=true (facegate.index.single-node) if this server is"
              + " the only node.");
    }
  }

  private boolean usesElasticsearch() {
    return url.filter(u -> !u.isBlank()).isPresent();
  }

  /** The Elasticsearch settings from configuration; only when a URL is configured. */
  ElasticsearchSettings elasticsearchSettings(FaceModel model) {
    ElasticsearchSettings.Builder builder =
        ElasticsearchSettings.builder()
            .setUrl(URI.create(url.orElseThrow().trim()))
            .setModel(model)
            .optConnectTimeout(Duration.ofMillis(connectTimeoutMs))
            .optResponseTimeout(Duration.ofMillis(responseTimeoutMs))
            .optAlias(alias)
            .optNumCandidates(numCandidates)
            .optIndexType(indexType)
            .optRescoreOversample(rescoreOversample)
            .optReplicas(replicas)
            .optRefresh(refresh);
    apiKey.ifPresent(builder::optApiKey);
    username.ifPresent(builder::optUsername);
    password.ifPresent(builder::optPassword);
    caFingerprint.filter(f -> !f.isBlank()).ifPresent(builder::optCaFingerprint);
    caFile.filter(f -> !f.isBlank()).map(f -> Path.of(f.trim())).ifPresent(builder::optCaFile);
    return builder.build();
  }

  void close(@Disposes FaceIndexBackend backend) {
    backend.close();
  }

  private Path luceneFolder() {
    if (luceneDirectory.filter(d -> !d.isBlank()).isPresent()) {
      return Path.of(luceneDirectory.get().trim());
    }
    String dataDir = System.getProperty("jboss.server.data.dir");
    if (dataDir == null) {
      throw new IllegalStateException(
          "set facegate.index.lucene.directory (no jboss.server.data.dir outside WildFly)");
    }
    return Path.of(dataDir, "facegate", "index");
  }
}
