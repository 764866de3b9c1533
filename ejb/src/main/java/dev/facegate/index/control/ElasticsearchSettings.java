package dev.facegate.index.control;

import dev.facegate.index.entity.FaceModel;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Configuration of {@link ElasticsearchFaceIndex}.
 *
 * @param url cluster URL, e.g. {@code https://search.example:9200}
 * @param apiKey encoded API key, or empty
 * @param username basic-auth user (used when no API key is given), or empty
 * @param password basic-auth password, or empty
 * @param connectTimeout limit for opening a connection
 * @param responseTimeout limit for waiting for an answer; no call can hang longer
 * @param alias the alias searches and writes go through; one index per model version sits behind
 * @param model the embedding model this index serves
 * @param numCandidates HNSW candidates per shard ({@code num_candidates}); recall vs latency
 * @param indexType {@code dense_vector} index type, e.g. {@code int8_hnsw}, {@code hnsw}
 * @param rescoreOversample for quantised types, re-rank {@code k * oversample} hits with the raw
 *     vectors so similarities are exact; 0 disables; ignored for {@code hnsw} and {@code flat}
 * @param replicas replicas of each new index (0 for a single node)
 * @param refresh refresh policy of writes: {@code wait_for} or {@code true} make a write visible to
 *     the next search
 */
public record ElasticsearchSettings(
    URI url,
    Optional<String> apiKey,
    Optional<String> username,
    Optional<String> password,
    Duration connectTimeout,
    Duration responseTimeout,
    String alias,
    FaceModel model,
    int numCandidates,
    String indexType,
    float rescoreOversample,
    int replicas,
    String refresh) {

  private static final Pattern ALIAS = Pattern.compile("[a-z0-9][a-z0-9_-]{0,100}");
  private static final Set<String> INDEX_TYPES =
      Set.of(
          "hnsw",
          "int8_hnsw",
          "int4_hnsw",
          "bbq_hnsw",
          "flat",
          "int8_flat",
          "int4_flat",
          "bbq_flat",
          "bbq_disk");
  private static final Set<String> REFRESH = Set.of("wait_for", "true");

  public ElasticsearchSettings {
    Objects.requireNonNull(url, "url is required");
    if (url.getScheme() == null
        || !(url.getScheme().equals("http") || url.getScheme().equals("https"))) {
      throw new IllegalArgumentException("url must be http(s)://host:port, got " + url);
    }
    apiKey = nonBlank(apiKey);
    username = nonBlank(username);
    password = nonBlank(password);
    requirePositive(connectTimeout, "connect timeout");
    requirePositive(responseTimeout, "response timeout");
    if (alias == null || !ALIAS.matcher(alias).matches()) {
      throw new IllegalArgumentException("alias must match " + ALIAS.pattern() + ", got " + alias);
    }
    Objects.requireNonNull(model, "model is required");
    if (numCandidates < 1 || numCandidates > 10_000) {
      throw new IllegalArgumentException("num_candidates must be in 1..10000");
    }
    if (!INDEX_TYPES.contains(indexType)) {
      throw new IllegalArgumentException("index type must be one of " + INDEX_TYPES);
    }
    if (!(rescoreOversample == 0 || rescoreOversample >= 1)) {
      throw new IllegalArgumentException("rescore oversample must be 0 (off) or >= 1");
    }
    if (replicas < 0) {
      throw new IllegalArgumentException("replicas must be >= 0");
    }
    if (!REFRESH.contains(refresh)) {
      throw new IllegalArgumentException("refresh must be one of " + REFRESH);
    }
  }

  /** Whether the index type keeps quantised vectors, so {@code rescore_vector} applies. */
  public boolean quantised() {
    return indexType.startsWith("int") || indexType.startsWith("bbq");
  }

  /** Settings with the defaults of the configuration for everything but URL and model. */
  public static ElasticsearchSettings of(URI url, FaceModel model) {
    return new ElasticsearchSettings(
        url,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Duration.ofSeconds(2),
        Duration.ofSeconds(10),
        "facegate-faces",
        model,
        100,
        "int8_hnsw",
        3f,
        1,
        "wait_for");
  }

  public ElasticsearchSettings withAlias(String alias) {
    return new ElasticsearchSettings(
        url,
        apiKey,
        username,
        password,
        connectTimeout,
        responseTimeout,
        alias,
        model,
        numCandidates,
        indexType,
        rescoreOversample,
        replicas,
        refresh);
  }

  public ElasticsearchSettings withReplicas(int replicas) {
    return new ElasticsearchSettings(
        url,
        apiKey,
        username,
        password,
        connectTimeout,
        responseTimeout,
        alias,
        model,
        numCandidates,
        indexType,
        rescoreOversample,
        replicas,
        refresh);
  }

  public ElasticsearchSettings withTimeouts(Duration connect, Duration response) {
    return new ElasticsearchSettings(
        url,
        apiKey,
        username,
        password,
        connect,
        response,
        alias,
        model,
        numCandidates,
        indexType,
        rescoreOversample,
        replicas,
        refresh);
  }

  public ElasticsearchSettings withSearch(int numCandidates, String indexType, float oversample) {
    return new ElasticsearchSettings(
        url,
        apiKey,
        username,
        password,
        connectTimeout,
        responseTimeout,
        alias,
        model,
        numCandidates,
        indexType,
        oversample,
        replicas,
        refresh);
  }

  public ElasticsearchSettings withCredentials(
      Optional<String> apiKey, Optional<String> username, Optional<String> password) {
    return new ElasticsearchSettings(
        url,
        apiKey,
        username,
        password,
        connectTimeout,
        responseTimeout,
        alias,
        model,
        numCandidates,
        indexType,
        rescoreOversample,
        replicas,
        refresh);
  }

  @Override
  public String toString() {
    // never print credentials
    return "ElasticsearchSettings[url=%s, alias=%s, model=%s, indexType=%s, numCandidates=%d]"
        .formatted(url, alias, model.key(), indexType, numCandidates);
  }

  private static Optional<String> nonBlank(Optional<String> value) {
    return value == null ? Optional.empty() : value.filter(v -> !v.isBlank());
  }

  private static void requirePositive(Duration duration, String what) {
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(what + " must be positive");
    }
  }
}
