package dev.facegate.index.control;

import dev.facegate.index.entity.FaceModel;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Configuration of {@link ElasticsearchFaceIndex}, made with {@link #builder()}.
 *
 * @param url cluster URL, e.g. {@code https://search.example:9200}
 * @param apiKey encoded API key, or empty
 * @param username basic-auth user (used when no API key is given), or empty
 * @param password basic-auth password, or empty
 * @param caFingerprint for an {@code https} URL: the SHA-256 fingerprint (hex, colons allowed) of
 *     the CA certificate that signed the cluster's HTTP certificate, as Elasticsearch prints it at
 *     its first start; the only CA trusted then. Or empty
 * @param caFile for an {@code https} URL: a PEM file with that CA certificate ({@code
 *     http_ca.crt}); the only CA trusted then. Or empty; with neither, the JVM's trusted CAs apply
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
    Optional<String> caFingerprint,
    Optional<Path> caFile,
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
    caFingerprint = nonBlank(caFingerprint);
    caFile = caFile == null ? Optional.empty() : caFile;
    if ((caFingerprint.isPresent() || caFile.isPresent()) && !url.getScheme().equals("https")) {
      throw new IllegalArgumentException(
          "a CA fingerprint or CA file only applies to an https:// URL, got " + url);
    }
    if (caFingerprint.isPresent() && caFile.isPresent()) {
      throw new IllegalArgumentException("give either a CA fingerprint or a CA file, not both");
    }
    if (caFingerprint.isPresent()
        && !caFingerprint.get().replace(":", "").matches("(?i)[0-9a-f]{64}")) {
      throw new IllegalArgumentException(
          "the CA fingerprint must be the 64 hex digits of a SHA-256, colons allowed");
    }
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

  /**
   * A builder: {@code set*} for what is required (URL and model), {@code opt*} for the rest.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Whether the index type keeps quantised vectors, so {@code rescore_vector} applies. */
  public boolean quantised() {
    return indexType.startsWith("int") || indexType.startsWith("bbq");
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

  /**
   * Builds {@link ElasticsearchSettings}. The optional values start at the server's defaults in
   * {@code META-INF/microprofile-config.properties} ({@code FaceIndexConfigurationTest} keeps the
   * two equal), so tests and tools set only what they change; {@link #build()} checks everything.
   */
  public static final class Builder {

    private URI url;
    private FaceModel model;
    private Optional<String> apiKey = Optional.empty();
    private Optional<String> username = Optional.empty();
    private Optional<String> password = Optional.empty();
    private Optional<String> caFingerprint = Optional.empty();
    private Optional<Path> caFile = Optional.empty();
    private Duration connectTimeout = Duration.ofSeconds(2);
    private Duration responseTimeout = Duration.ofSeconds(10);
    private String alias = "facegate-faces";
    private int numCandidates = 100;
    private String indexType = "int8_hnsw";
    private float rescoreOversample = 3f;
    private int replicas = 1;
    private String refresh = "wait_for";

    private Builder() {}

    /**
     * Sets the cluster URL (required).
     *
     * @param url {@code http(s)://host:port}
     * @return this builder
     */
    public Builder setUrl(URI url) {
      this.url = url;
      return this;
    }

    /**
     * Sets the embedding model the index serves (required).
     *
     * @param model the model; its id and version name the index behind the alias
     * @return this builder
     */
    public Builder setModel(FaceModel model) {
      this.model = model;
      return this;
    }

    /**
     * Authenticates with an encoded API key; it wins over basic auth.
     *
     * @param apiKey the key; blank means none
     * @return this builder
     */
    public Builder optApiKey(String apiKey) {
      this.apiKey = Optional.ofNullable(apiKey);
      return this;
    }

    /**
     * Authenticates with basic auth when no API key is given.
     *
     * @param username the user; blank means none
     * @return this builder
     */
    public Builder optUsername(String username) {
      this.username = Optional.ofNullable(username);
      return this;
    }

    /**
     * The basic-auth password that goes with {@link #optUsername}.
     *
     * @param password the password; blank means none
     * @return this builder
     */
    public Builder optPassword(String password) {
      this.password = Optional.ofNullable(password);
      return this;
    }

    /**
     * Limits opening a connection (default 2 s).
     *
     * @param connectTimeout positive
     * @return this builder
     */
    public Builder optConnectTimeout(Duration connectTimeout) {
      this.connectTimeout = connectTimeout;
      return this;
    }

    /**
     * Limits waiting for an answer (default 10 s); no call can hang longer.
     *
     * @param responseTimeout positive
     * @return this builder
     */
    public Builder optResponseTimeout(Duration responseTimeout) {
      this.responseTimeout = responseTimeout;
      return this;
    }

    /**
     * The alias searches and writes go through (default {@code facegate-faces}).
     *
     * @param alias lower case letters, digits, {@code _} and {@code -}
     * @return this builder
     */
    public Builder optAlias(String alias) {
      this.alias = alias;
      return this;
    }

    /**
     * HNSW candidates per shard (default 100).
     *
     * @param numCandidates 1 to 10,000
     * @return this builder
     */
    public Builder optNumCandidates(int numCandidates) {
      this.numCandidates = numCandidates;
      return this;
    }

    /**
     * The {@code dense_vector} index type of new indices (default {@code int8_hnsw}).
     *
     * @param indexType e.g. {@code hnsw}, {@code int8_hnsw}, {@code bbq_hnsw}, {@code flat}
     * @return this builder
     */
    public Builder optIndexType(String indexType) {
      this.indexType = indexType;
      return this;
    }

    /**
     * Re-ranking of quantised hits with the raw vectors (default 3).
     *
     * @param rescoreOversample 0 (off) or at least 1
     * @return this builder
     */
    public Builder optRescoreOversample(float rescoreOversample) {
      this.rescoreOversample = rescoreOversample;
      return this;
    }

    /**
     * Replicas of each new index (default 1).
     *
     * @param replicas 0 for a single node
     * @return this builder
     */
    public Builder optReplicas(int replicas) {
      this.replicas = replicas;
      return this;
    }

    /**
     * Refresh policy of writes (default {@code wait_for}).
     *
     * @param refresh {@code wait_for} or {@code true}
     * @return this builder
     */
    public Builder optRefresh(String refresh) {
      this.refresh = refresh;
      return this;
    }

    /**
     * Trusts only the CA with this SHA-256 fingerprint (an {@code https} URL is required).
     *
     * @param fingerprint 64 hex digits, colons allowed; blank means none
     * @return this builder
     */
    public Builder optCaFingerprint(String fingerprint) {
      this.caFingerprint = Optional.ofNullable(fingerprint);
      return this;
    }

    /**
     * Trusts only the CA certificate in this PEM file (an {@code https} URL is required).
     *
     * @param file the CA certificate, e.g. Elasticsearch's {@code config/certs/http_ca.crt}
     * @return this builder
     */
    public Builder optCaFile(Path file) {
      this.caFile = Optional.ofNullable(file);
      return this;
    }

    /**
     * Checks and builds the settings.
     *
     * @return the settings
     * @throws NullPointerException if URL or model is missing
     * @throws IllegalArgumentException if a value is out of range
     */
    public ElasticsearchSettings build() {
      return new ElasticsearchSettings(
          url,
          apiKey,
          username,
          password,
          caFingerprint,
          caFile,
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
  }
}
