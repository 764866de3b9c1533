package dev.facegate.index.control;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.TransportUtils;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import co.elastic.clients.transport.rest5_client.low_level.Rest5ClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.util.Timeout;

/**
 * Builds the one Elasticsearch client of an index from its settings: the credentials as a default
 * {@code Authorization} header (an API key wins over basic auth) and both timeouts on every stage
 * of a call, so no call can hang longer than the response timeout. Closing the client closes its
 * connections.
 */
final class ElasticsearchClients {

  private ElasticsearchClients() {}

  static ElasticsearchClient create(ElasticsearchSettings settings) {
    Rest5ClientBuilder builder = Rest5Client.builder(settings.url());
    sslContext(settings).ifPresent(builder::setSSLContext);
    Rest5Client restClient =
        builder
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
    return new ElasticsearchClient(new Rest5ClientTransport(restClient, new JacksonJsonpMapper()));
  }

  /**
   * The trust for an {@code https} cluster: only the configured CA (by fingerprint or PEM file), or
   * the JVM's trusted CAs when neither is given. Never "trust all".
   */
  static Optional<SSLContext> sslContext(ElasticsearchSettings settings) {
    if (settings.caFingerprint().isPresent()) {
      return Optional.of(
          TransportUtils.sslContextFromCaFingerprint(
              settings.caFingerprint().get().replace(":", "")));
    }
    if (settings.caFile().isPresent()) {
      try {
        return Optional.of(
            TransportUtils.sslContextFromHttpCaCrt(settings.caFile().get().toFile()));
      } catch (IOException e) {
        throw new UncheckedIOException(
            "Cannot read the Elasticsearch CA file " + settings.caFile().get(), e);
      }
    }
    return Optional.empty();
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

  private static Timeout timeout(Duration duration) {
    return Timeout.ofMilliseconds(duration.toMillis());
  }
}
