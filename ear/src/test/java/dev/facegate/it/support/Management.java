package dev.facegate.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The test server's management interface: Prometheus text from the micrometer subsystem ({@code
 * /prometheus}) and MicroProfile Health ({@code /health/live}, {@code /health/ready}), both
 * configured by {@code configure-server.cli} without authentication.
 */
public final class Management {

  /** {@code name{label="value",...} number}, the only sample form the registry writes. */
  private static final Pattern SAMPLE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)(?:\\s+\\d+)?$");

  private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  private final URI base;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private Management(URI base) {
    this.base = base;
  }

  /** The management interface of the Arquillian test server ({@code it.management.port}). */
  public static Management ofTestServer() {
    String port = System.getProperty("it.management.port", "10090");
    return new Management(URI.create("http://127.0.0.1:" + port + "/"));
  }

  /** One sample of the scrape: metric name, labels and value. */
  public record Sample(String name, Map<String, String> labels, double value) {

    /** Whether the sample has every one of these labels with these values. */
    public boolean has(Map<String, String> wanted) {
      return wanted.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }
  }

  /** The management interface at {@code base} (e.g. an extra {@link WildFlyNode}). */
  public static Management at(URI base) {
    return new Management(base);
  }

  /** Every sample of the current scrape. */
  public List<Sample> scrape() {
    HttpResponse<String> response = get("prometheus");
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "GET /prometheus answered " + response.statusCode() + ": " + response.body());
    }
    List<Sample> samples = new ArrayList<>();
    for (String line : response.body().split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      Matcher sample = SAMPLE.matcher(line.strip());
      if (!sample.matches()) {
        throw new IllegalStateException("Not a Prometheus sample: " + line);
      }
      Map<String, String> labels = new LinkedHashMap<>();
      if (sample.group(2) != null) {
        Matcher label = LABEL.matcher(sample.group(2));
        while (label.find()) {
          labels.put(label.group(1), label.group(2));
        }
      }
      samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(3))));
    }
    return samples;
  }

  /** The sum of the samples of {@code name} that carry the given labels (0 if there is none). */
  public double sum(String name, Map<String, String> labels) {
    return scrape().stream()
        .filter(s -> s.name().equals(name) && s.has(labels))
        .mapToDouble(Sample::value)
        .sum();
  }

  /** A GET on the management interface, e.g. {@code health/ready}. */
  public HttpResponse<String> get(String path) {
    try {
      return http.send(
          HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("GET " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
