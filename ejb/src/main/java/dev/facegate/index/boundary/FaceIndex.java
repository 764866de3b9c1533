package dev.facegate.index.boundary;

import dev.facegate.index.control.FaceIndexBackend;
import dev.facegate.index.entity.FaceIndexException;
import dev.facegate.index.entity.FaceMatch;
import dev.facegate.index.entity.FaceModel;
import dev.facegate.index.entity.IndexUnavailableException;
import dev.facegate.index.entity.IndexedFace;
import dev.facegate.index.entity.InvalidFaceException;
import dev.facegate.index.entity.TagFilter;
import dev.facegate.observability.control.Stage;
import dev.facegate.observability.control.TimedStage;
import dev.facegate.observability.control.WorkMetrics;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The face index, the only entry point of the index component: 1:N lookup of face templates by
 * cosine similarity.
 *
 * <p>The index is derived data: the relational database is the source of truth and {@link #rebuild}
 * restores the index from it. The index is not transactional; callers write it after their database
 * transaction has the template. Every write is visible to the next search.
 *
 * <p>Thread-safe without container locks: the backend allows concurrent writes and searches.
 * Failures are {@link InvalidFaceException} (bad input, nothing written) and {@link
 * IndexUnavailableException} (store unreachable or failing, reported quickly).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
@PermitAll
public class FaceIndex {

  @Inject FaceIndexBackend backend;

  @Inject WorkMetrics metrics;

  /** Rebuilds in progress on this node (readiness is DOWN while there is one). */
  private final AtomicInteger rebuilds = new AtomicInteger();

  @PostConstruct
  void registerMeters() {
    metrics.gauge("facegate.index.size", this::sizeOrNaN);
    metrics.gauge("facegate.index.rebuilding", rebuilds::get);
  }

  private double sizeOrNaN() {
    try {
      return backend.count();
    } catch (FaceIndexException e) {
      // An unreachable index has no size; the health checks report why.
      return Double.NaN;
    }
  }

  /** The embedding model whose vectors this index accepts. */
  public FaceModel model() {
    return backend.model();
  }

  /**
   * Adds or replaces (by template id) one face.
   *
   * @throws InvalidFaceException if the face's model is not {@link #model()}
   */
  public void upsert(IndexedFace face) {
    backend.upsert(List.of(face));
  }

  /**
   * Adds or replaces several faces in one bulk write; all are checked before any is written.
   *
   * @throws InvalidFaceException if any face's model is not {@link #model()}
   */
  public void upsertAll(Collection<IndexedFace> faces) {
    backend.upsert(faces);
  }

  /**
   * Removes one template.
   *
   * @return {@code false} if it was not indexed
   */
  public boolean deleteTemplate(String templateId) {
    return backend.deleteTemplate(templateId);
  }

  /**
   * Removes all templates of a person.
   *
   * @return how many were removed
   */
  public long deletePerson(String personId) {
    return backend.deletePerson(personId);
  }

  /**
   * The {@code k} most similar templates, best first.
   *
   * @param model the model that produced {@code vector}; a vector of another model is refused
   *     rather than compared meaninglessly
   * @param vector the probe embedding
   * @param k how many matches at most, 1..1000
   * @param filter tag restriction, {@link TagFilter#NONE} for none
   * @throws InvalidFaceException for a wrong model, dimension, NaN or zero vector
   */
  @TimedStage(Stage.SEARCH)
  public List<FaceMatch> nearest(FaceModel model, float[] vector, int k, TagFilter filter) {
    return backend.nearest(model, vector, k, filter);
  }

  /** The most similar template, if the index (after filtering) is not empty. */
  @TimedStage(Stage.SEARCH)
  public Optional<FaceMatch> findNearest(FaceModel model, float[] vector, TagFilter filter) {
    return backend.nearest(model, vector, 1, filter).stream().findFirst();
  }

  /** Number of indexed templates. */
  public long count() {
    return backend.count();
  }

  /**
   * Replaces the index content with {@code source}, typically the database's templates of the
   * current model. Searches keep answering from the old content until the new one is complete;
   * other writes wait. If the source yields a bad face or fails, the old content stays.
   *
   * @return number of faces indexed
   */
  public long rebuild(Stream<IndexedFace> source) {
    rebuilds.incrementAndGet();
    try {
      return backend.rebuild(source);
    } finally {
      rebuilds.decrementAndGet();
    }
  }

  /** Whether this node is rebuilding the index now (searches still answer from the old content). */
  public boolean isRebuilding() {
    return rebuilds.get() > 0;
  }
}
