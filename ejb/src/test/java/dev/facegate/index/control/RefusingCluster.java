package dev.facegate.index.control;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Plays an Elasticsearch cluster that refuses every request with a 401 security exception, as a
 * real one does for wrong credentials: enough for tests that only care what reached it.
 */
final class RefusingCluster {

  private static final byte[] REFUSAL =
      "{\"error\":{\"type\":\"security_exception\",\"reason\":\"test\"},\"status\":401}"
          .getBytes(StandardCharsets.UTF_8);

  private RefusingCluster() {}

  /** Answers the exchange with the refusal and closes it. */
  static void refuse(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().add("X-Elastic-Product", "Elasticsearch");
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(401, REFUSAL.length);
    exchange.getResponseBody().write(REFUSAL);
    exchange.close();
  }
}
