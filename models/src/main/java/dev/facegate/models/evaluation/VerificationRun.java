package dev.facegate.models.evaluation;

import dev.facegate.models.comparison.Similarity;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Scores a pair list: every distinct image is embedded once (in parallel: one worker per processor
 * by default, or all images in one call of a {@link BatchEmbedder}), then each pair gets the cosine
 * similarity of its two embeddings.
 */
public final class VerificationRun {

  /** Embeds the face of one image file; must be safe to call from several threads. */
  @FunctionalInterface
  public interface ImageEmbedder {
    /**
     * Embeds one image.
     *
     * @param image the image file
     * @return the outcome; never throws for a bad image, reports it instead
     */
    ImageEmbedding embed(Path image);
  }

  /**
   * Embeds many image files at once, in order; for pipelines that overlap the work of several
   * images (see {@code PhotoStream}).
   */
  @FunctionalInterface
  public interface BatchEmbedder {
    /**
     * Embeds the images.
     *
     * @param images the image files
     * @param done called with the number of images finished so far, after each one
     * @return one outcome per image, in order; a bad image is reported, not thrown
     * @throws InterruptedException if interrupted while waiting
     */
    List<ImageEmbedding> embedAll(List<Path> images, IntConsumer done) throws InterruptedException;
  }

  /**
   * The scored pairs and what happened to the images.
   *
   * @param scored the pairs with scores, in list order
   * @param images the outcome per image path (as written in the list)
   * @param seconds wall-clock time spent
   */
  public record Outcome(
      List<ScoredPair> scored, Map<String, ImageEmbedding> images, double seconds) {

    /**
     * Counts images without a detected face (fallback or none).
     *
     * @return the number
     */
    public long noFaceImages() {
      return images.values().stream().filter(i -> !i.faceDetected()).count();
    }

    /**
     * Counts images embedded by the fallback.
     *
     * @return the number
     */
    public long fallbackImages() {
      return images.values().stream()
          .filter(i -> !i.faceDetected() && i.embedding() != null)
          .count();
    }

    /**
     * Counts images that could not be decoded or read.
     *
     * @return the number
     */
    public long unreadableImages() {
      return images.values().stream()
          .filter(i -> i.problem() != null && i.problem().startsWith("unreadable"))
          .count();
    }
  }

  private final Path root;
  private final ImageEmbedder embedder;
  private final BatchEmbedder batchEmbedder;
  private final int threads;
  private final PrintStream progress;

  private VerificationRun(Builder b) {
    this.root = Objects.requireNonNull(b.root, "root directory is required");
    if ((b.embedder == null) == (b.batchEmbedder == null)) {
      throw new IllegalArgumentException("set either an image embedder or a batch embedder");
    }
    this.embedder = b.embedder;
    this.batchEmbedder = b.batchEmbedder;
    this.threads = b.threads;
    this.progress = b.progress;
  }

  /**
   * Starts a builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Embeds the images and scores the pairs.
   *
   * @param pairs the pairs (with or without folds)
   * @return the outcome
   * @throws InterruptedException if interrupted while waiting for the workers
   */
  public Outcome run(List<VerificationPair> pairs) throws InterruptedException {
    long start = System.nanoTime();
    Set<String> distinct = new LinkedHashSet<>();
    for (VerificationPair p : pairs) {
      distinct.add(p.imageA());
      distinct.add(p.imageB());
    }
    Map<String, ImageEmbedding> images =
        batchEmbedder != null ? embedAll(distinct, start) : embedEach(distinct, start);
    List<ScoredPair> scored = new ArrayList<>(pairs.size());
    for (VerificationPair p : pairs) {
      ImageEmbedding a = images.get(p.imageA());
      ImageEmbedding b = images.get(p.imageB());
      double score =
          a.embedding() == null || b.embedding() == null
              ? Double.NaN
              : Similarity.cosine(a.embedding(), b.embedding());
      scored.add(new ScoredPair(p, score, a.faceDetected() && b.faceDetected()));
    }
    return new Outcome(List.copyOf(scored), Map.copyOf(images), (System.nanoTime() - start) / 1e9);
  }

  /** Photo by photo: each worker embeds one image at a time. */
  private Map<String, ImageEmbedding> embedEach(Set<String> distinct, long start)
      throws InterruptedException {
    Map<String, ImageEmbedding> images = new ConcurrentHashMap<>();
    AtomicInteger done = new AtomicInteger();
    int total = distinct.size();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (String image : distinct) {
        futures.add(
            pool.submit(
                () -> {
                  images.put(image, embedder.embed(root.resolve(image)));
                  report(done.incrementAndGet(), total, start);
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("embedding failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    return images;
  }

  /** All images in one call of the batch embedder. */
  private Map<String, ImageEmbedding> embedAll(Set<String> distinct, long start)
      throws InterruptedException {
    List<String> names = List.copyOf(distinct);
    List<ImageEmbedding> embedded =
        batchEmbedder.embedAll(
            names.stream().map(root::resolve).toList(), n -> report(n, names.size(), start));
    if (embedded.size() != names.size()) {
      throw new IllegalStateException(
          "batch embedder returned " + embedded.size() + " results for " + names.size());
    }
    Map<String, ImageEmbedding> images = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      images.put(names.get(i), embedded.get(i));
    }
    return images;
  }

  private void report(int n, int total, long start) {
    if (progress == null) {
      return;
    }
    // About 20 updates per run, so long runs show life without flooding the log.
    int step = Math.max(1, total / 20);
    if (n % step == 0 || n == total) {
      double s = (System.nanoTime() - start) / 1e9;
      progress.printf(
          java.util.Locale.ROOT,
          "embedded %d/%d images (%.1f s, %.1f img/s)%n",
          n,
          total,
          s,
          n / s);
    }
  }

  /** Configures a {@link VerificationRun}. */
  public static final class Builder {
    private Path root;
    private ImageEmbedder embedder;
    private BatchEmbedder batchEmbedder;
    private int threads = Runtime.getRuntime().availableProcessors();
    private PrintStream progress;

    private Builder() {}

    /**
     * Sets the directory the image paths of the list are relative to.
     *
     * @param root the directory
     * @return this builder
     */
    public Builder setRoot(Path root) {
      this.root = root;
      return this;
    }

    /**
     * Sets how an image becomes an embedding.
     *
     * @param embedder thread-safe image embedder
     * @return this builder
     */
    public Builder setEmbedder(ImageEmbedder embedder) {
      this.embedder = embedder;
      return this;
    }

    /**
     * Sets how all images become embeddings in one call, instead of {@link #setEmbedder} image by
     * image (the workers of {@link #optThreads} are then not used).
     *
     * @param embedder the batch embedder
     * @return this builder
     */
    public Builder setBatchEmbedder(BatchEmbedder embedder) {
      this.batchEmbedder = embedder;
      return this;
    }

    /**
     * Sets the number of worker threads (default: the number of processors).
     *
     * @param threads workers, {@code >= 1}
     * @return this builder
     */
    public Builder optThreads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be >= 1");
      }
      this.threads = threads;
      return this;
    }

    /**
     * Prints progress lines to this stream.
     *
     * @param progress the stream, e.g. {@code System.err}; {@code null} for silence
     * @return this builder
     */
    public Builder optProgress(PrintStream progress) {
      this.progress = progress;
      return this;
    }

    /**
     * Builds the run.
     *
     * @return the run
     */
    public VerificationRun build() {
      return new VerificationRun(this);
    }
  }
}
