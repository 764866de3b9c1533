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
import dev.facegate.index.entity.FaceIndexException;
import dev.facegate.index.entity.FaceMatch;
import dev.facegate.index.entity.FaceModel;
import dev.facegate.index.entity.IndexUnavailableException;
import dev.facegate.index.entity.IndexedFace;
import dev.facegate.index.entity.InvalidFaceException;
import dev.facegate.index.entity.TagFilter;
import java.io.IOException;
import java.util.ArrayList;
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

/**
 * Face index in Elasticsearch: {@code dense_vector} (cosine, quantised HNSW) with kNN search.
 *
 * <p>Searches and writes go through the alias {@code settings.alias()}, behind which {@link
 * IndexGenerations} keeps exactly one index of the configured model; the client comes from {@link
 * ElasticsearchClients}. A rebuild fills a new generation and promotes it atomically, so searches
 * keep answering. Writes wait while a rebuild runs, so none is lost on the old generation.
 */
public final class ElasticsearchFaceIndex implements FaceIndexBackend {

  private static final Logger LOG = Logger.getLogger(ElasticsearchFaceIndex.class.getName());
  private static final int BULK_SIZE = 1000;
  private static final int DELETE_PAGE = 1000;

  private final ElasticsearchSettings settings;
  private final ElasticsearchClient client;
  private final ElasticsearchCalls calls;
  private final IndexGenerations generations;
  private final Refresh refresh;
  // read: ordinary writes (many at once); write: a rebuild. Searches take no lock.
  private final ReadWriteLock rebuildLock = new ReentrantReadWriteLock();

  private ElasticsearchFaceIndex(ElasticsearchSettings settings) {
    this.settings = settings;
    this.client = ElasticsearchClients.create(settings);
    this.calls = new ElasticsearchCalls(settings.url());
    this.generations = new IndexGenerations(client, calls, settings);
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
      index.generations.bootstrap();
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
    return generations.prefix();
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
        calls.run(
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
      return calls.run(
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
            calls.run(
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
        calls.run(
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
        calls.run(
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
    return calls.run("count", () -> client.count(c -> c.index(settings.alias())).count());
  }

  @Override
  public long rebuild(Stream<IndexedFace> source) {
    if (source == null) {
      throw new InvalidFaceException("source is required");
    }
    rebuildLock.writeLock().lock();
    try {
      Set<String> old = generations.current();
      String target = generations.createNext(old);
      long indexed = 0;
      try {
        generations.pauseRefresh(target);
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
        generations.resumeRefresh(target);
      } catch (RuntimeException e) {
        generations.discard(target);
        throw e;
      }
      generations.promote(old, target);
      return indexed;
    } finally {
      rebuildLock.writeLock().unlock();
    }
  }

  /**
   * Removes every index named {@code <alias>-*} (all models and generations). For tests and
   * operators; the next {@link #open} bootstraps an empty index again.
   */
  public void dropAll() {
    generations.dropAll();
  }

  @Override
  public void close() {
    try {
      client.close();
    } catch (IOException e) {
      LOG.fine(() -> "closing the Elasticsearch client: " + e);
    }
  }
}
