package dev.facegate.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Waits until the build's Elasticsearch node (started asynchronously before the tests) answers, so
 * the first enrolment does not race its start-up.
 */
public class ElasticsearchReadiness implements LauncherSessionListener {

  private static final Duration PATIENCE = Duration.ofMinutes(3);

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    String url = System.getProperty("it.es.url");
    if (url == null) {
      throw new IllegalStateException("it.es.url is set by the build (ear/pom.xml)");
    }
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest health =
        HttpRequest.newBuilder(URI.create(url + "/_cluster/health"))
            .timeout(Duration.ofSeconds(5))
            .build();
    Instant deadline = Instant.now().plus(PATIENCE);
    while (Instant.now().isBefore(deadline)) {
      try {
        if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // the node is still starting
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for Elasticsearch", e);
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for Elasticsearch", e);
      }
    }
    throw new IllegalStateException(
        "The test Elasticsearch node at "
            + url
            + " did not answer within "
            + PATIENCE
            + "; see ear/target/it/es-node.log");
  }
}
