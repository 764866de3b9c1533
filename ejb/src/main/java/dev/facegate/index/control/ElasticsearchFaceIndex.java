package dev.facegate.index.control;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.Result;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import dev.facegate.index.entity.FaceIndexException;
import dev.facegate.index.entity.FaceMatch;
import dev.facegate.index.entity.FaceModel;
import dev.facegate.index.entity.IndexUnavailableException;
import dev.facegate.index.entity.IndexedFace;
import dev.facegate.index.entity.InvalidFaceException;
import dev.facegate.index.entity.TagFilter;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.util.Timeout;

/**
 * Face index in Elasticsearch: {@code dense_vector} (cosine, quantised HNSW) with kNN search.
 *
 * <p>Layout: searches and writes go through the alias {@code settings.alias()}; behind it sits
 * exactly one index {@code <alias>-<model>-v<version>-<generation>} created from the mapping
 * resource {@code face-index.json}. A rebuild fills a new generation and swaps the alias in one
 * atomic {@code _aliases} call, so searches keep answering. Writes wait while a rebuild runs, so
 * none is lost on the old generation.
 */
public final class ElasticsearchFaceIndex implements FaceIndexBackend {

  private static final Logger LOG = Logger.getLogger(ElasticsearchFaceIndex.class.getName());
  private static final String MAPPING = "/dev/facegate/index/face-index.json";
  private static final int BULK_SIZE = 1000;
  private static final int DELETE_PAGE = 1000;

  private final ElasticsearchSettings settings;
  private final Rest5Client restClient;
  private final ElasticsearchClient client;
  private final Refresh refresh;
  // read: ordinary writes (many at once); write: a rebuild. Searches take no lock.
  private final ReadWriteLock rebuildLock = new ReentrantReadWriteLock();

  private ElasticsearchFaceIndex(ElasticsearchSettings settings) {
    this.settings = settings;
    this.restClient =
        Rest5Client.builder(settings.url())
            .setDefaultHeaders(authHeaders(settings))
            .setConnectionConfigCallback(
                c ->
                    c.setConnectTimeout(timeout(settings.connectTimeout()))
                        .setSocketTimeout(timeout(settings.responseTimeout())))
            .setRequestConfigCallback(
                r ->
                    r.setConnectionRequestTimeout(timeout(settings.connectTimeout()))
                        .setResponseTimeout(timeout(settings.responseTimeout())))
            .build();
    this.client =
        new ElasticsearchClient(new Rest5ClientTransport(restClient, new JacksonJsonpMapper()));
    this.refresh = "true".equals(settings.refresh()) ? Refresh.True : Refresh.WaitFor;
  }

  /**
   * Connects and makes sure the alias points to an index for the configured model, creating it if
   * needed. Safe to call from several servers at once.
   *
   * @throws IndexUnavailableException if the cluster cannot be reached or refuses
   */
  public static ElasticsearchFaceIndex open(ElasticsearchSettings settings) {
    ElasticsearchFaceIndex index = new ElasticsearchFaceIndex(settings);
    try {
      index.bootstrap();
      return index;
    } catch (RuntimeException e) {
      index.close();
      throw e;
    }
  }

  @Override
  public FaceModel model() {
    return settings.model();
  }

  /** Name prefix of this model's indices. */
  String indexPrefix() {
    return settings.alias() + "-" + settings.model().slug() + "-";
  }

  private void bootstrap() {
    Set<String> behindAlias = indicesBehindAlias();
    if (behindAlias.stream().anyMatch(name -> name.startsWith(indexPrefix()))) {
      return;
    }
    String first = indexPrefix() + "0";
    createIndex(first);
    // a model change: the alias moves to the new model's (empty) index; a rebuild fills it
    if (!behindAlias.isEmpty()) {
      LOG.warning(
          () ->
              "alias "
                  + settings.alias()
                  + " pointed to "
                  + behindAlias
                  + "; moved to "
                  + first
                  + " for model "
                  + settings.model().key()
                  + ": rebuild the index");
    }
    swapAlias(behindAlias, first);
  }

  private Set<String> indicesBehindAlias() {
    return call(
        "read alias " + settings.alias(),
        () -> {
          if (!client.indices().existsAlias(e -> e.name(settings.alias())).value()) {
            return Set.<String>of();
          }
          return Set.copyOf(
              client.indices().getAlias(g -> g.name(settings.alias())).aliases().keySet());
        });
  }

  private void createIndex(String name) {
    String body =
        mappingTemplate()
            .replace("${replicas}", Integer.toString(settings.replicas()))
            .replace("${dims}", Integer.toString(settings.model().dimensions()))
            .replace("${index_type}", settings.indexType());
    call(
        "create index " + name,
        () -> {
          try {
            client.indices().create(c -> c.index(name).withJson(new StringReader(body)));
          } catch (ElasticsearchException e) {
            // another server created it first: bootstrap is idempotent
            if (!"resource_already_exists_exception".equals(e.error().type())) {
              throw e;
            }
          }
          return null;
        });
  }

  private void swapAlias(Collection<String> from, String to) {
    call(
        "point alias " + settings.alias() + " to " + to,
        () ->
            client
                .indices()
                .updateAliases(
                    u -> {
                      for (String old : from) {
                        u.actions(a -> a.remove(r -> r.index(old).alias(settings.alias())));
                      }
                      return u.actions(a -> a.add(ad -> ad.index(to).alias(settings.alias())));
                    }));
  }

  private static String mappingTemplate() {
    try (InputStream in = ElasticsearchFaceIndex.class.getResourceAsStream(MAPPING)) {
      if (in == null) {
        throw new IllegalStateException("mapping resource " + MAPPING + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + MAPPING, e);
    }
  }

  @Override
  public void upsert(Collection<IndexedFace> faces) {
    List<IndexedFace> checked = Checks.faces(faces, settings.model());
    if (checked.isEmpty()) {
      return;
    }
    rebuildLock.readLock().lock();
    try {
      for (int from = 0; from < checked.size(); from += BULK_SIZE) {
        List<IndexedFace> batch = checked.subList(from, Math.min(checked.size(), from + BULK_SIZE));
        bulkIndex(settings.alias(), batch, refresh);
      }
    } finally {
      rebuildLock.readLock().unlock();
    }
  }

  private void bulkIndex(String target, List<IndexedFace> faces, Refresh policy) {
    List<BulkOperation> operations = new ArrayList<>(faces.size());
    for (IndexedFace face : faces) {
      Map<String, Object> document = document(face);
      operations.add(
          BulkOperation.of(
              op -> op.index(i -> i.index(target).id(face.templateId()).document(document))));
    }
    BulkResponse response =
        call(
            "index " + faces.size() + " faces",
            () -> client.bulk(b -> b.refresh(policy).operations(operations)));
    failOnItemErrors(response);
  }

  private static void failOnItemErrors(BulkResponse response) {
    if (response.errors()) {
      var failed =
          response.items().stream().filter(item -> item.error() != null).findFirst().orElseThrow();
      throw new FaceIndexException(
          "Elasticsearch rejected document "
              + failed.id()
              + ": "
              + failed.error().type()
              + " "
              + failed.error().reason());
    }
  }

  private static Map<String, Object> document(IndexedFace face) {
    float[] vector = face.vector();
    List<Float> values = new ArrayList<>(vector.length);
    for (float v : vector) {
      values.add(v);
    }
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("template_id", face.templateId());
    document.put("person_id", face.personId());
    document.put("model", face.model().key());
    document.put("tags", face.tags());
    document.put("vector", values);
    return document;
  }

  @Override
  public boolean deleteTemplate(String templateId) {
    Checks.id(templateId, "template id");
    rebuildLock.readLock().lock();
    try {
      return call(
          "delete template " + templateId,
          () -> {
            try {
              return client
                      .delete(d -> d.index(settings.alias()).id(templateId).refresh(refresh))
                      .result()
                  == Result.Deleted;
            } catch (ElasticsearchException e) {
              if (e.status() == 404) {
                return false;
              }
              throw e;
            }
          });
    } finally {
      rebuildLock.readLock().unlock();
    }
  }

  @Override
  public long deletePerson(String personId) {
    Checks.id(personId, "person id");
    rebuildLock.readLock().lock();
    try {
      // _delete_by_query lives in the reindex module; search ids and bulk-delete them instead
      long deleted = 0;
      while (true) {
        List<String> ids = templateIdsOf(personId);
        if (ids.isEmpty()) {
          return deleted;
        }
        List<BulkOperation> operations =
            ids.stream()
                .map(id -> BulkOperation.of(op -> op.delete(d -> d.index(settings.alias()).id(id))))
                .toList();
        BulkResponse response =
            call(
                "delete templates of " + personId,
                () -> client.bulk(b -> b.refresh(refresh).operations(operations)));
        failOnItemErrors(response);
        deleted += ids.size();
      }
    } finally {
      rebuildLock.readLock().unlock();
    }
  }

  private List<String> templateIdsOf(String personId) {
    SearchResponse<Void> response =
        call(
            "find templates of " + personId,
            () ->
                client.search(
                    s ->
                        s.index(settings.alias())
                            .size(DELETE_PAGE)
                            .source(src -> src.fetch(false))
                            .query(q -> q.term(t -> t.field("person_id").value(personId))),
                    Void.class));
    return response.hits().hits().stream().map(Hit::id).toList();
  }

  @Override
  public List<FaceMatch> nearest(FaceModel model, float[] vector, int k, TagFilter filter) {
    float[] query = Checks.query(model, vector, k, filter, settings.model());
    List<Float> values = new ArrayList<>(query.length);
    for (float v : query) {
      values.add(v);
    }
    List<Query> filters = new ArrayList<>();
    filter
        .tags()
        .forEach(
            (key, value) ->
                filters.add(Query.of(q -> q.term(t -> t.field("tags." + key).value(value)))));
    int candidates = Math.max(k, settings.numCandidates());
    @SuppressWarnings("rawtypes")
    SearchResponse<Map> response =
        call(
            "search",
            () ->
                client.search(
                    s ->
                        s.index(settings.alias())
                            .size(k)
                            .source(src -> src.filter(f -> f.includes("template_id", "person_id")))
                            .knn(
                                kn -> {
                                  kn.field("vector")
                                      .queryVector(values)
                                      .k(k)
                                      .numCandidates(candidates)
                                      .filter(filters);
                                  if (settings.quantised() && settings.rescoreOversample() > 0) {
                                    kn.rescoreVector(
                                        r -> r.oversample(settings.rescoreOversample()));
                                  }
                                  return kn;
                                }),
                    Map.class));
    List<FaceMatch> matches = new ArrayList<>();
    for (@SuppressWarnings("rawtypes") Hit<Map> hit : response.hits().hits()) {
      Map<?, ?> source = hit.source();
      // cosine score is (1 + cos) / 2
      double similarity = 2 * hit.score() - 1;
      matches.add(
          new FaceMatch(
              String.valueOf(source.get("template_id")),
              String.valueOf(source.get("person_id")),
              similarity));
    }
    return matches;
  }

  @Override
  public long count() {
    return call("count", () -> client.count(c -> c.index(settings.alias())).count());
  }

  @Override
  public long rebuild(Stream<IndexedFace> source) {
    if (source == null) {
      throw new InvalidFaceException("source is required");
    }
    rebuildLock.writeLock().lock();
    try {
      Set<String> old = indicesBehindAlias();
      String next = indexPrefix() + System.currentTimeMillis();
      if (old.contains(next)) {
        next = next + "-1";
      }
      String target = next;
      createIndex(target);
      long indexed = 0;
      try {
        // no periodic refreshes while loading: fewer, larger segments and a faster load
        refreshInterval(target, "-1");
        List<IndexedFace> batch = new ArrayList<>(BULK_SIZE);
        Iterator<IndexedFace> faces = source.iterator();
        while (faces.hasNext()) {
          batch.add(Checks.face(faces.next(), settings.model()));
          if (batch.size() == BULK_SIZE) {
            bulkIndex(target, batch, Refresh.False);
            indexed += batch.size();
            batch.clear();
          }
        }
        if (!batch.isEmpty()) {
          bulkIndex(target, batch, Refresh.False);
          indexed += batch.size();
        }
        refreshInterval(target, "1s");
        call("refresh " + target, () -> client.indices().refresh(r -> r.index(target)));
      } catch (RuntimeException e) {
        deleteIndices(List.of(target));
        throw e;
      }
      swapAlias(old, target);
      deleteIndices(old.stream().filter(name -> name.startsWith(settings.alias() + "-")).toList());
      return indexed;
    } finally {
      rebuildLock.writeLock().unlock();
    }
  }

  private void refreshInterval(String index, String interval) {
    call(
        "set refresh interval of " + index,
        () ->
            client
                .indices()
                .putSettings(
                    p -> p.index(index).settings(st -> st.refreshInterval(t -> t.time(interval)))));
  }

  private void deleteIndices(List<String> names) {
    if (names.isEmpty()) {
      return;
    }
    try {
      client.indices().delete(d -> d.index(names).ignoreUnavailable(true));
    } catch (IOException | ElasticsearchException e) {
      LOG.warning(() -> "could not delete old indices " + names + ": " + e);
    }
  }

  /**
   * Removes every index named {@code <alias>-*} (all models and generations). For tests and
   * operators; the next {@link #open} bootstraps an empty index again.
   */
  public void dropAll() {
    // wildcard deletes are refused by default (action.destructive_requires_name): resolve names
    List<String> names =
        call(
            "list indices of " + settings.alias(),
            () ->
                List.copyOf(
                    client
                        .indices()
                        .get(g -> g.index(settings.alias() + "-*").ignoreUnavailable(true))
                        .indices()
                        .keySet()));
    if (!names.isEmpty()) {
      call(
          "drop indices of " + settings.alias(),
          () -> client.indices().delete(d -> d.index(names)));
    }
  }

  @Override
  public void close() {
    try {
      restClient.close();
    } catch (IOException e) {
      LOG.fine(() -> "closing the Elasticsearch client: " + e);
    }
  }

  @FunctionalInterface
  private interface Call<T> {
    T run() throws IOException;
  }

  private <T> T call(String what, Call<T> call) {
    try {
      return call.run();
    } catch (ElasticsearchException e) {
      throw new IndexUnavailableException(
          "Elasticsearch at " + settings.url() + " failed to " + what + ": " + e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      if (e instanceof FaceIndexException fie) {
        throw fie;
      }
      throw new IndexUnavailableException(
          "Elasticsearch at " + settings.url() + " is unreachable (" + what + "): " + e, e);
    }
  }

  private static Header[] authHeaders(ElasticsearchSettings settings) {
    if (settings.apiKey().isPresent()) {
      return new Header[] {new BasicHeader("Authorization", "ApiKey " + settings.apiKey().get())};
    }
    if (settings.username().isPresent()) {
      String pair = settings.username().get() + ":" + settings.password().orElse("");
      String encoded = Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
      return new Header[] {new BasicHeader("Authorization", "Basic " + encoded)};
    }
    return new Header[0];
  }

  private static Timeout timeout(java.time.Duration duration) {
    return Timeout.ofMilliseconds(duration.toMillis());
  }
}
