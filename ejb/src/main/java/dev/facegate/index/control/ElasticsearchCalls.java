package dev.facegate.index.control;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import dev.facegate.index.entity.FaceIndexException;
import dev.facegate.index.entity.IndexUnavailableException;
import java.io.IOException;
import java.net.URI;

/**
 * Runs calls against one cluster and turns their failures into the index's exceptions: a refusal or
 * an unreachable cluster becomes {@link IndexUnavailableException} naming the cluster and what was
 * attempted; a {@link FaceIndexException} thrown inside a call passes unchanged.
 */
final class ElasticsearchCalls {

  /** One call to the cluster. */
  @FunctionalInterface
  interface Call<T> {
    T run() throws IOException;
  }

  private final URI cluster;

  ElasticsearchCalls(URI cluster) {
    this.cluster = cluster;
  }

  <T> T run(String what, Call<T> call) {
    try {
      return call.run();
    } catch (ElasticsearchException e) {
      throw new IndexUnavailableException(
          "Elasticsearch at " + cluster + " failed to " + what + ": " + e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      if (e instanceof FaceIndexException fie) {
        throw fie;
      }
      throw new IndexUnavailableException(
          "Elasticsearch at " + cluster + " is unreachable (" + what + "): " + e, e);
    }
  }
}
