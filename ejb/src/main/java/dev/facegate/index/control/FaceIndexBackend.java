package dev.facegate.index.control;

import dev.facegate.index.entity.FaceMatch;
import dev.facegate.index.entity.FaceModel;
import dev.facegate.index.entity.IndexedFace;
import dev.facegate.index.entity.TagFilter;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/**
 * A face index serving one embedding model. Implementations are thread-safe: writes and searches
 * may run concurrently, and a rebuild never makes searches fail or see a half-built index.
 *
 * <p>Every write is visible to the next search once it returns. Bad input throws {@link
 * dev.facegate.index.entity.InvalidFaceException} and writes nothing; an unreachable or failed
 * store throws {@link dev.facegate.index.entity.IndexUnavailableException}.
 */
public interface FaceIndexBackend extends AutoCloseable {

  /** The model whose vectors this index accepts. */
  FaceModel model();

  /** Adds the faces, replacing any with the same template id. All are checked before any write. */
  void upsert(Collection<IndexedFace> faces);

  /** Removes one template; {@code false} if it was not indexed. */
  boolean deleteTemplate(String templateId);

  /** Removes every template of a person; returns how many were removed. */
  long deletePerson(String personId);

  /**
   * The {@code k} templates most similar to {@code vector}, best first.
   *
   * @param model the model that produced {@code vector}; must be this index's model
   */
  List<FaceMatch> nearest(FaceModel model, float[] vector, int k, TagFilter filter);

  /** Number of indexed templates. */
  long count();

  /**
   * Replaces the whole content with {@code source}. Searches keep answering from the old content
   * until the new one is complete; other writes wait for the rebuild. If the source yields a bad
   * face or fails, the old content stays.
   *
   * @return number of faces indexed
   */
  long rebuild(Stream<IndexedFace> source);

  @Override
  void close();
}
