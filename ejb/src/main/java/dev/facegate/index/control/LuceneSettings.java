package dev.facegate.index.control;

import dev.facegate.index.entity.FaceModel;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Configuration of {@link LuceneFaceIndex}.
 *
 * @param directory folder of the index; each model gets a sub-folder
 * @param model the embedding model this index serves
 * @param numCandidates HNSW candidates explored per search (like Elasticsearch's {@code
 *     num_candidates}); recall vs latency
 */
public record LuceneSettings(Path directory, FaceModel model, int numCandidates) {

  public LuceneSettings {
    Objects.requireNonNull(directory, "directory is required");
    Objects.requireNonNull(model, "model is required");
    if (numCandidates < 1 || numCandidates > 10_000) {
      throw new IllegalArgumentException("num candidates must be in 1..10000");
    }
  }

  public static LuceneSettings of(Path directory, FaceModel model) {
    return new LuceneSettings(directory, model, 100);
  }

  public LuceneSettings withNumCandidates(int numCandidates) {
    return new LuceneSettings(directory, model, numCandidates);
  }
}
