package dev.facegate.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small REST client of the admin API, logged in as the test administrator (HTTP Basic). */
public final class Api {

  private final URI base;
  private final String authorization;
  private final HttpClient http =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private Api(URL base, String authorization) {
    this.base = URI.create(base.toString());
    this.authorization = authorization;
  }

  public static Api asAdmin(URL base) {
    return new Api(
        base,
        TestCredentials.basic(TestCredentials.ADMIN_USERNAME, TestCredentials.adminPassword()));
  }

  /** A response with its status and body. */
  public record Reply(int status, String body, String contentType, String setCookie) {

    public Reply(int status, String body, String contentType) {
      this(status, body, contentType, "");
    }

    public JsonObject json() {
      try (JsonReader reader = Json.createReader(new StringReader(body))) {
        JsonStructure structure = reader.read();
        return structure.asJsonObject();
      }
    }
  }

  public Reply get(String path) {
    return send(request(path).GET());
  }

  public Reply postJson(String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public Reply putJson(String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  public Reply postImage(String path, byte[] image, String contentType) {
    return send(
        request(path)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(image)));
  }

  public Reply delete(String path) {
    return send(request(path).DELETE());
  }

  public URI uri(String path) {
    return base.resolve(path);
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(uri(path))
        .timeout(Duration.ofSeconds(120))
        .header("Authorization", authorization);
  }

  private Reply send(HttpRequest.Builder request) {
    return send(request.build());
  }

  /** Sends a prepared request (e.g. one a device signed) with this client. */
  public Reply send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Reply(
          response.statusCode(),
          response.body(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.headers().firstValue("Set-Cookie").orElse(""));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
