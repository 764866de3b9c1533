package dev.facegate.index.bench;

import dev.facegate.index.control.ElasticsearchFaceIndex;
import dev.facegate.index.control.ElasticsearchSettings;
import dev.facegate.index.control.FaceIndexBackend;
import dev.facegate.index.control.LuceneFaceIndex;
import dev.facegate.index.control.LuceneSettings;
import dev.facegate.index.entity.FaceMatch;
import dev.facegate.index.entity.FaceModel;
import dev.facegate.index.entity.IndexedFace;
import dev.facegate.index.entity.TagFilter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.elasticsearch.common.logging.LogConfigurator;

/**
 * Benchmark of both index backends: random unit vectors, queries near known points, recall against
 * exact brute force, query latency, bulk indexing throughput and bytes per vector.
 *
 * <p>Run by the build with {@code -Pbench} (see the index section of README.md). System properties:
 * {@code bench.sizes} (default {@code 10000,100000}), {@code bench.queries} (1000), {@code
 * bench.dims} (128), {@code bench.noise} (0.05 per component before re-normalising), {@code
 * bench.candidates} (comma-separated list, default 100), {@code bench.backends} ({@code
 * lucene,elasticsearch}), {@code es.url}, {@code bench.dir}.
 */
public final class FaceIndexBench {

  private static final int WARMUP = 200;
  private static final int WARMUP_ROUNDS = 5;

  private final int queries = Integer.getInteger("bench.queries", 1000);
  private final int dims = Integer.getInteger("bench.dims", 128);
  private final double noise = Double.parseDouble(System.getProperty("bench.noise", "0.05"));
  private final List<Integer> candidates =
      Arrays.stream(System.getProperty("bench.candidates", "100").split(","))
          .map(String::trim)
          .map(Integer::valueOf)
          .toList();
  private final Path dir = Path.of(System.getProperty("bench.dir", "target/bench"));
  private final String esUrl = System.getProperty("es.url", "");

  public static void main(String[] args) throws Exception {
    // the Elasticsearch server jars are on this class path (for the test node); their Lucene codecs
    // need Elasticsearch logging before Lucene loads them
    LogConfigurator.configureESLogging();
    new FaceIndexBench().run();
  }

  private void run() throws Exception {
    List<Integer> sizes =
        Arrays.stream(System.getProperty("bench.sizes", "10000,100000").split(","))
            .map(String::trim)
            .map(Integer::valueOf)
            .toList();
    List<String> backends =
        Arrays.asList(System.getProperty("bench.backends", "lucene,elasticsearch").split(","));
    System.out.printf(
        Locale.ROOT,
        "FaceIndexBench: dims=%d queries=%d noise=%.3f cpus=%d java=%s%n",
        dims,
        queries,
        noise,
        Runtime.getRuntime().availableProcessors(),
        Runtime.version());
    System.out.println(
        "| backend | vectors | num_candidates | recall@1 | recall@10 | median ms | p99 ms | index vectors/s | bytes/vector |");
    System.out.println("|---|---|---|---|---|---|---|---|---|");
    for (int size : sizes) {
      Data data = new Data(size, dims, queries + WARMUP, noise, 7L * size);
      for (String backend : backends) {
        switch (backend.trim()) {
          case "lucene" -> measure(new LuceneBackend(size), data);
          case "elasticsearch" -> {
            if (esUrl.isBlank()) {
              System.out.println("(elasticsearch skipped: no es.url)");
            } else {
              measure(new ElasticsearchBackend(size), data);
            }
          }
          default -> throw new IllegalArgumentException("unknown backend " + backend);
        }
      }
    }
  }

  /** A backend under test: built once, then searched with each num_candidates value. */
  private interface Backend {
    String name();

    FaceIndexBackend open(int numCandidates);

    long bytes();

    void drop();
  }

  private final class LuceneBackend implements Backend {
    private final Path folder;
    private final FaceModel model = new FaceModel("bench", "1", dims);

    LuceneBackend(int size) throws IOException {
      folder = dir.resolve("lucene-" + size);
      deleteRecursively(folder);
    }

    @Override
    public String name() {
      return "Lucene HNSW float32";
    }

    @Override
    public FaceIndexBackend open(int numCandidates) {
      return LuceneFaceIndex.open(
          LuceneSettings.of(folder, model).withNumCandidates(numCandidates));
    }

    @Override
    public long bytes() {
      return folderBytes(folder);
    }

    @Override
    public void drop() {
      try {
        deleteRecursively(folder);
      } catch (IOException e) {
        System.out.println("could not delete " + folder + ": " + e);
      }
    }
  }

  private final class ElasticsearchBackend implements Backend {
    private final String alias;
    private final FaceModel model = new FaceModel("bench", "1", dims);

    ElasticsearchBackend(int size) {
      alias = "facegate-bench-" + size;
      drop();
    }

    @Override
    public String name() {
      return "Elasticsearch int8_hnsw";
    }

    @Override
    public ElasticsearchFaceIndex open(int numCandidates) {
      return ElasticsearchFaceIndex.open(
          ElasticsearchSettings.builder()
              .setUrl(URI.create(esUrl))
              .setModel(model)
              .optAlias(alias)
              .optReplicas(0)
              .optNumCandidates(numCandidates)
              .optIndexType("int8_hnsw")
              .optRescoreOversample(3f)
              .build());
    }

    @Override
    public long bytes() {
      return esStoreBytes(alias);
    }

    @Override
    public void drop() {
      try (ElasticsearchFaceIndex index = open(100)) {
        index.dropAll();
      }
    }
  }

  private void measure(Backend backend, Data data) {
    double throughput;
    try (FaceIndexBackend index = backend.open(candidates.get(0))) {
      FaceModel model = index.model();
      long start = System.nanoTime();
      index.rebuild(
          IntStream.range(0, data.size)
              .mapToObj(
                  i ->
                      new IndexedFace(
                          "t" + i,
                          "p" + i / 3,
                          model,
                          data.vectors[i],
                          Map.of("site", "s" + i % 4))));
      throughput = data.size / ((System.nanoTime() - start) / 1e9);
    }
    long bytes = backend.bytes();
    for (int numCandidates : candidates) {
      try (FaceIndexBackend index = backend.open(numCandidates)) {
        search(backend.name(), index, data, numCandidates, throughput, bytes);
      }
    }
    backend.drop();
  }

  private void search(
      String name,
      FaceIndexBackend index,
      Data data,
      int numCandidates,
      double throughput,
      long bytes) {
    FaceModel model = index.model();
    // warm both JVMs (benchmark and node) up, so the first configuration measured is not penalised
    for (int round = 0; round < WARMUP_ROUNDS; round++) {
      for (int q = 0; q < WARMUP; q++) {
        index.nearest(model, data.queries[q], 10, TagFilter.NONE);
      }
    }
    long[] nanos = new long[queries];
    int hits1 = 0;
    double recall10 = 0;
    for (int q = 0; q < queries; q++) {
      float[] query = data.queries[WARMUP + q];
      long t0 = System.nanoTime();
      List<FaceMatch> found = index.nearest(model, query, 10, TagFilter.NONE);
      nanos[q] = System.nanoTime() - t0;
      int[] exact = data.exactTop10[WARMUP + q];
      if (!found.isEmpty() && found.get(0).templateId().equals("t" + exact[0])) {
        hits1++;
      }
      Set<String> truth = new HashSet<>();
      for (int e : exact) {
        truth.add("t" + e);
      }
      recall10 += found.stream().filter(m -> truth.contains(m.templateId())).count() / 10.0;
    }
    Arrays.sort(nanos);
    System.out.printf(
        Locale.ROOT,
        "| %s | %,d | %d | %.4f | %.4f | %.2f | %.2f | %,.0f | %,.0f |%n",
        name,
        data.size,
        numCandidates,
        hits1 / (double) queries,
        recall10 / queries,
        nanos[queries / 2] / 1e6,
        nanos[(int) Math.ceil(queries * 0.99) - 1] / 1e6,
        throughput,
        bytes / (double) data.size);
  }

  /** Random unit vectors, queries near some of them, and the exact top 10 of each query. */
  private static final class Data {
    final int size;
    final float[][] vectors;
    final float[][] queries;
    final int[][] exactTop10;

    Data(int size, int dims, int queryCount, double noise, long seed) {
      this.size = size;
      Random random = new Random(seed);
      vectors = new float[size][];
      for (int i = 0; i < size; i++) {
        vectors[i] = unit(gaussian(random, dims, 1));
      }
      queries = new float[queryCount][];
      for (int q = 0; q < queryCount; q++) {
        float[] base = vectors[random.nextInt(size)];
        float[] moved = gaussian(random, dims, noise);
        for (int d = 0; d < dims; d++) {
          moved[d] += base[d];
        }
        queries[q] = unit(moved);
      }
      exactTop10 =
          IntStream.range(0, queryCount)
              .parallel()
              .mapToObj(q -> top10(queries[q]))
              .toArray(int[][]::new);
    }

    private int[] top10(float[] query) {
      // vectors are unit length: the dot product is the cosine; keep the 10 best, best first
      int[] best = new int[10];
      float[] bestScore = new float[10];
      Arrays.fill(bestScore, Float.NEGATIVE_INFINITY);
      for (int i = 0; i < size; i++) {
        float dot = 0;
        float[] v = vectors[i];
        for (int d = 0; d < v.length; d++) {
          dot += v[d] * query[d];
        }
        if (dot > bestScore[9]) {
          int at = 9;
          while (at > 0 && bestScore[at - 1] < dot) {
            bestScore[at] = bestScore[at - 1];
            best[at] = best[at - 1];
            at--;
          }
          bestScore[at] = dot;
          best[at] = i;
        }
      }
      return best;
    }

    private static float[] gaussian(Random random, int dims, double sigma) {
      float[] v = new float[dims];
      for (int d = 0; d < dims; d++) {
        v[d] = (float) (random.nextGaussian() * sigma);
      }
      return v;
    }

    private static float[] unit(float[] v) {
      double norm = 0;
      for (float x : v) {
        norm += x * x;
      }
      float inv = (float) (1 / Math.sqrt(norm));
      for (int d = 0; d < v.length; d++) {
        v[d] *= inv;
      }
      return v;
    }
  }

  private long esStoreBytes(String alias) {
    try {
      HttpClient http = HttpClient.newHttpClient();
      String body =
          http.send(
                  HttpRequest.newBuilder(URI.create(esUrl + "/" + alias + "/_stats/store")).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      Matcher m =
          Pattern.compile("\"primaries\":\\{\"store\":\\{\"size_in_bytes\":(\\d+)").matcher(body);
      return m.find() ? Long.parseLong(m.group(1)) : -1;
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static long folderBytes(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile).mapToLong(FaceIndexBench::sizeOf).sum();
    } catch (IOException e) {
      return -1;
    }
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }

  private static void deleteRecursively(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
