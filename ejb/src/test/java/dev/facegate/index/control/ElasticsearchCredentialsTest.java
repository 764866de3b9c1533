package dev.facegate.index.control;

import static dev.facegate.index.control.Faces.MODEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.facegate.index.entity.IndexUnavailableException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The configured credentials reach the cluster. The test node runs without security, so a tiny HTTP
 * server records the {@code Authorization} header and answers every request with an error.
 */
class ElasticsearchCredentialsTest {

  private HttpServer server;
  private final List<String> authorizations = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startServer() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          authorizations.add(
              String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
          RefusingCluster.refuse(exchange);
        });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private ElasticsearchSettings.Builder settings() {
    return ElasticsearchSettings.builder()
        .setUrl(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
        .setModel(MODEL)
        .optConnectTimeout(Duration.ofSeconds(1))
        .optResponseTimeout(Duration.ofSeconds(2));
  }

  @Test
  void sendsTheApiKey() {
    ElasticsearchSettings settings = settings().optApiKey("a2V5OnNlY3JldA==").build();

    assertThatThrownBy(() -> ElasticsearchFaceIndex.open(settings))
        .isInstanceOf(IndexUnavailableException.class);
    assertThat(authorizations).isNotEmpty().allMatch("ApiKey a2V5OnNlY3JldA=="::equals);
  }

  @Test
  void sendsBasicAuthWhenNoApiKeyIsGiven() {
    ElasticsearchSettings settings =
        settings().optUsername("facegate").optPassword("s3cret").build();
    String expected =
        "Basic "
            + Base64.getEncoder()
                .encodeToString("facegate:s3cret".getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> ElasticsearchFaceIndex.open(settings))
        .isInstanceOf(IndexUnavailableException.class);
    assertThat(authorizations).isNotEmpty().allMatch(expected::equals);
  }

  @Test
  void settingsNeverPrintCredentials() {
    ElasticsearchSettings settings =
        settings().optApiKey("a2V5OnNlY3JldA==").optUsername("u").optPassword("pw").build();

    assertThat(settings.toString()).doesNotContain("a2V5OnNlY3JldA==").doesNotContain("pw");
  }
}
