package dev.facegate.models.pipeline;

import dev.facegate.models.alignment.FaceChip;
import dev.facegate.models.embedding.Embedding;
import dev.facegate.models.embedding.FaceEmbedder;
import dev.facegate.models.pipeline.FacePipeline.Prepared;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;

/**
 * Processes a stream of photos with a {@link FacePipeline}, with the two halves of the work
 * overlapped: detection threads decode, detect and align the next photos while one thread embeds
 * the chips of the photos already detected, several photos' chips in one batch.
 *
 * <p>Gives the same results as calling {@link FacePipeline#process(Path)} on each photo (the
 * embeddings up to the summation order of a larger batch), in input order. Meant for bulk work on
 * one machine (evaluation, imports), where throughput per CPU-second matters more than the latency
 * of one photo:
 *
 * <pre>{@code
 * List<PhotoResult> results = PhotoStream.builder().setPipeline(pipeline).build().process(files);
 * }</pre>
 *
 * <p>Why it helps: the embedder's convolutions are larger and better vectorised than MTCNN's small
 * ones, a batch of chips pays the per-call cost of the engine once, and while one thread waits in a
 * small, poorly parallel MTCNN layer the other core works on embeddings.
 */
public final class PhotoStream {

  /** Default largest number of chips embedded in one batch. */
  public static final int DEFAULT_MAX_BATCH = 16;

  private final FacePipeline pipeline;
  private final int detectThreads;
  private final int maxBatch;
  private final IntConsumer progress;

  private PhotoStream(Builder b) {
    this.pipeline = Objects.requireNonNull(b.pipeline, "pipeline is required");
    this.detectThreads = b.detectThreads;
    this.maxBatch = b.maxBatch;
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
   * Processes image files.
   *
   * @param files the files
   * @return one result per file, in order; unreadable files are {@link
   *     PhotoResult.Status#UNDECODABLE}
   * @throws InterruptedException if interrupted while waiting
   */
  public List<PhotoResult> process(List<Path> files) throws InterruptedException {
    List<Path> copy = List.copyOf(files);
    return run(copy.size(), i -> pipeline.prepare(copy.get(i)));
  }

  /**
   * Processes encoded images (JPEG, PNG, ...) with the pipeline's decoder.
   *
   * @param images the encoded images
   * @return one result per image, in order
   * @throws InterruptedException if interrupted while waiting
   */
  public List<PhotoResult> processEncoded(List<byte[]> images) throws InterruptedException {
    List<byte[]> copy = List.copyOf(images);
    return run(copy.size(), i -> pipeline.prepare(copy.get(i)));
  }

  /** A prepared photo and its index, or the failure of its preparation. */
  private record Item(int index, Prepared prepared, Throwable failure) {}

  private List<PhotoResult> run(int n, IntFunction<Prepared> prepare) throws InterruptedException {
    PhotoResult[] results = new PhotoResult[n];
    if (n == 0) {
      return List.of();
    }
    // Bounded, so detection runs at most a couple of batches ahead of embedding (memory).
    BlockingQueue<Item> queue = new ArrayBlockingQueue<>(2 * maxBatch + detectThreads);
    ExecutorService detectors = Executors.newFixedThreadPool(detectThreads);
    try {
      for (int i = 0; i < n; i++) {
        int index = i;
        detectors.execute(
            () -> {
              Item item;
              try {
                item = new Item(index, prepare.apply(index), null);
              } catch (RuntimeException | Error e) {
                // Handed to the embedding thread, which rethrows it: the caller sees it.
                item = new Item(index, null, e);
              }
              try {
                queue.put(item);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
      }
      embedAll(queue, results, n);
    } finally {
      detectors.shutdownNow();
    }
    return Arrays.asList(results);
  }

  /** Takes prepared photos off the queue until all {@code n} are done, embedding in batches. */
  private void embedAll(BlockingQueue<Item> queue, PhotoResult[] results, int n)
      throws InterruptedException {
    FaceEmbedder embedder = pipeline.embedder();
    int done = 0;
    List<Item> ready = new ArrayList<>();
    List<Item> batch = new ArrayList<>();
    while (done < n) {
      ready.add(queue.take());
      queue.drainTo(ready);
      for (Item item : ready) {
        if (item.failure() instanceof RuntimeException e) {
          throw e;
        }
        if (item.failure() instanceof Error e) {
          throw e;
        }
      }
      // Embed the waiting photos' chips, at most maxBatch per call (a photo is never split).
      int from = 0;
      while (from < ready.size()) {
        batch.clear();
        List<FaceChip> chips = new ArrayList<>();
        while (from < ready.size()) {
          Prepared p = ready.get(from).prepared();
          if (!batch.isEmpty() && chips.size() + p.chips().size() > maxBatch) {
            break;
          }
          batch.add(ready.get(from++));
          chips.addAll(p.chips());
        }
        List<Embedding> embeddings = chips.isEmpty() ? List.of() : embedder.embed(chips);
        int at = 0;
        for (Item item : batch) {
          Prepared p = item.prepared();
          int k = p.chips().size();
          results[item.index()] = pipeline.finish(p, embeddings.subList(at, at + k));
          at += k;
          done++;
          if (progress != null) {
            progress.accept(done);
          }
        }
      }
      ready.clear();
    }
  }

  /** Configures a {@link PhotoStream}. */
  public static final class Builder {
    private FacePipeline pipeline;
    private int detectThreads = Runtime.getRuntime().availableProcessors();
    private int maxBatch = DEFAULT_MAX_BATCH;
    private IntConsumer progress;

    private Builder() {}

    /**
     * Sets the pipeline whose detector, embedder and options are used.
     *
     * @param pipeline the pipeline
     * @return this builder
     */
    public Builder setPipeline(FacePipeline pipeline) {
      this.pipeline = pipeline;
      return this;
    }

    /**
     * Sets the number of threads that decode, detect and align (default: the number of processors);
     * one more thread, the caller's, embeds. On 2 cores, 2 detection threads gave 1.15x the photos
     * per CPU-second of photo-by-photo processing against 1.05x with 1 (one sitting, loaded
     * machine; docs/benchmarks.md).
     *
     * @param threads at least 1
     * @return this builder
     */
    public Builder optDetectThreads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("detect threads must be at least 1, got " + threads);
      }
      this.detectThreads = threads;
      return this;
    }

    /**
     * Sets the largest number of chips embedded in one call (default {@value
     * PhotoStream#DEFAULT_MAX_BATCH}); a photo with more faces is still embedded in one call.
     *
     * @param chips at least 1
     * @return this builder
     */
    public Builder optMaxBatch(int chips) {
      if (chips < 1) {
        throw new IllegalArgumentException("max batch must be at least 1, got " + chips);
      }
      this.maxBatch = chips;
      return this;
    }

    /**
     * Tells {@code listener} how many photos are finished, after each one, on the embedding thread
     * (the caller's); default none.
     *
     * @param listener called with 1, 2, ... n; must be quick
     * @return this builder
     */
    public Builder optProgress(IntConsumer listener) {
      this.progress = listener;
      return this;
    }

    /**
     * Builds the stream.
     *
     * @return the stream
     */
    public PhotoStream build() {
      return new PhotoStream(this);
    }
  }
}
