package dev.facegate.models.detection;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.nn.Block;
import ai.djl.translate.TranslateException;
import dev.facegate.models.detection.MtcnnBlocks.Stage;
import dev.facegate.models.engine.EngineThreads;
import dev.facegate.models.engine.InferenceLock;
import dev.facegate.models.image.RgbImage;
import dev.facegate.models.weights.PackagedWeights;
import dev.facegate.models.weights.TfjsWeights;
import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Finds faces and their five landmarks with MTCNN.
 *
 * <pre>{@code
 * try (FaceDetector detector = FaceDetector.builder().optMinFaceSize(40).build()) {
 *   List<FaceDetection> faces = detector.detect(ImageDecoder.newInstance().decodeRgb(jpegBytes));
 * }
 * }</pre>
 *
 * <p>The detector takes decoded images only; decoding (pixel limit, EXIF orientation) belongs to
 * the caller or to the {@link dev.facegate.models.pipeline.FacePipeline}.
 *
 * <p>The three networks are loaded once, when the detector is built. A detector is safe for
 * concurrent callers: each call borrows a set of DJL predictors from a pool (creating one when all
 * are busy), because predictors are not thread-safe. Keep MXNet's default engine type: under {@code
 * MXNET_ENGINE_TYPE=NaiveEngine} (often advised for multi-threaded DJL inference) MXNet is not safe
 * for concurrent callers, so calls into it are then serialised process-wide ({@link
 * InferenceLock}), which keeps results correct but costs throughput.
 *
 * <p>Close the detector once no call is running; it releases the native memory of the models.
 */
public final class FaceDetector implements AutoCloseable {

  /** Engine used when none is configured. */
  public static final String DEFAULT_ENGINE = "MXNet";

  /**
   * Channel order the networks expect. The original MTCNN (MATLAB / Caffe) was trained on RGB;
   * face-api.js feeds BGR. See the README's Detection section for the comparison that chose it.
   */
  static final boolean BGR = false;

  private final Map<Stage, Model> models = new EnumMap<>(Stage.class);
  private final MtcnnOptions options;
  private final String engine;
  private final Device device;
  private final InferenceLock lock;
  private final boolean optimised;

  /** Whether crops may come from a summed-area table: the optimised cascade, on any engine. */
  private final boolean integralCrops;

  private final ConcurrentLinkedDeque<Cascade> idle = new ConcurrentLinkedDeque<>();
  private final List<Cascade> created = new ArrayList<>();

  /** Runs the partner halves of split detections; {@code null} when detections are not split. */
  private final ExecutorService partnerThreads;

  /** Detections now running: one is split only while the others leave a core idle. */
  private final AtomicInteger running = new AtomicInteger();

  /** Detections that ran split, for tests and figures. */
  private final LongAdder splitDetections = new LongAdder();

  private final int cores = Runtime.getRuntime().availableProcessors();
  private volatile boolean closed;

  private FaceDetector(Builder b) throws IOException {
    this.options = new MtcnnOptions(b.minFaceSize, b.scaleFactor, b.thresholds, b.regressedNms);
    int mxnetWorkers = EngineThreads.prepareMxnet();
    Engine eng;
    try {
      eng = Engine.getEngine(b.engine);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "DJL engine '"
              + b.engine
              + "' is not available: put its engine and native jars on the classpath"
              + " (ai.djl.mxnet:mxnet-engine or ai.djl.pytorch:pytorch-engine)",
          e);
    }
    this.engine = eng.getEngineName();
    this.optimised = b.optimised && "MXNet".equals(engine);
    this.integralCrops = b.optimised;
    this.device = b.device != null ? b.device : eng.defaultDevice();
    this.lock = InferenceLock.forEngine(engine);
    // Splitting only pays where two calls into the engine run at once, and only on the CPU.
    boolean concurrent = !lock.serialises() && (!"MXNet".equals(engine) || mxnetWorkers > 1);
    this.partnerThreads =
        b.split && concurrent && !device.isGpu() && cores > 1
            // At most cores / 2 detections are split at once, each with one partner task.
            ? Executors.newFixedThreadPool(
                Math.max(1, cores / 2),
                r -> {
                  Thread t = new Thread(r, "mtcnn-partner");
                  t.setDaemon(true);
                  return t;
                })
            : null;
    TfjsWeights weights = PackagedWeights.MTCNN.load();
    try {
      lock.call(
          () -> {
            for (Stage stage : Stage.values()) {
              Model model =
                  Model.newInstance("mtcnn-" + stage.name().toLowerCase(), device, engine);
              models.put(stage, model);
              var block = stage.newBlock();
              model.setBlock(block);
              MtcnnBlocks.loadWeights(block, stage, weights, model.getNDManager());
              Path trained = b.trainedParameters.get(stage);
              if (trained != null) {
                loadTrained(block, model, trained);
              }
            }
            return null;
          });
    } catch (RuntimeException e) {
      models.values().forEach(Model::close);
      throw e;
    }
  }

  /**
   * Replaces a stage's shipped parameters with trained ones saved in DJL's block format (as {@code
   * face-cli train-pnet} writes them). Same layout as {@code Block.loadParameters}.
   */
  private static void loadTrained(Block block, Model model, Path file) {
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      block.loadParameters(model.getNDManager(), in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read trained parameters " + file, e);
    } catch (MalformedModelException e) {
      throw new IllegalArgumentException(
          file + " does not hold parameters of " + model.getName() + ": " + e.getMessage(), e);
    }
  }

  /** Returns a builder with the original MTCNN's defaults on the MXNet engine. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Detects faces in an RGB image.
   *
   * @param image the image
   * @return the faces, highest score first; equal scores by the box's left edge, then its top edge
   * @throws FaceDetectionException if the engine fails
   * @throws IllegalStateException if the detector is closed
   */
  public List<FaceDetection> detect(RgbImage image) {
    return detect(image, options);
  }

  /**
   * Detects faces of at least {@code minFaceSize} pixels: a larger minimum than the detector's
   * skips the large pyramid levels, so a search for big faces only (a face that fills the frame)
   * costs a fraction of a full detection.
   *
   * @param image the image
   * @param minFaceSize the smallest face side searched for; the detector's own minimum if smaller
   * @return the faces, highest score first
   */
  public List<FaceDetection> detect(RgbImage image, int minFaceSize) {
    if (minFaceSize <= options.minFaceSize()) {
      return detect(image, options);
    }
    return detect(
        image,
        new MtcnnOptions(
            minFaceSize, options.scaleFactor(), options.thresholds(), options.regressedNms()));
  }

  private List<FaceDetection> detect(RgbImage image, MtcnnOptions options) {
    Objects.requireNonNull(image, "image is required");
    int now = running.incrementAndGet();
    Cascade cascade = null;
    Cascade second = null;
    try {
      cascade = borrow();
      // Split only while every other running detection leaves a core to spare for the partner.
      if (partnerThreads != null && 2 * now <= cores) {
        second = borrow();
        splitDetections.increment();
      }
      return cascade.detect(
          image, options, second == null ? null : new Cascade.Partner(second, partnerThreads));
    } catch (TranslateException e) {
      throw new FaceDetectionException("MTCNN inference failed on " + image, e);
    } finally {
      running.decrementAndGet();
      if (second != null) {
        idle.push(second);
      }
      if (cascade != null) {
        idle.push(cascade);
      }
    }
  }

  /**
   * Detects faces in a {@link BufferedImage} of any type (gray, palette, alpha: see {@link
   * RgbImage#of}). The image is taken as it is; no EXIF orientation is known here.
   *
   * @param image the image
   * @return the faces, highest score first
   */
  public List<FaceDetection> detect(BufferedImage image) {
    return detect(RgbImage.of(image));
  }

  /**
   * Returns the candidate boxes that a stage passes on to the next one (after its threshold, NMS,
   * regression and squaring): the false positives among them are the hard negatives on which the
   * next stage is trained.
   *
   * @param image the image
   * @param last {@link Stage#PNET} for R-Net's inputs, {@link Stage#RNET} for O-Net's
   * @return the square candidate boxes, in image coordinates
   * @throws FaceDetectionException if the engine fails
   */
  public List<dev.facegate.models.geometry.Box> candidates(RgbImage image, Stage last) {
    Objects.requireNonNull(image, "image is required");
    Cascade cascade = borrow();
    try {
      return cascade.candidates(image, options, last);
    } catch (TranslateException e) {
      throw new FaceDetectionException("MTCNN inference failed on " + image, e);
    } finally {
      idle.push(cascade);
    }
  }

  /** Returns the name of the DJL engine running the networks. */
  public String getEngineName() {
    return engine;
  }

  /** Returns the device the networks run on. */
  public Device getDevice() {
    return device;
  }

  /**
   * Returns whether this detector runs the optimised cascade (see {@link Builder#optOptimised}).
   */
  public boolean isOptimised() {
    return optimised;
  }

  /**
   * Returns whether one detection may use two cores (see {@link Builder#optSplitDetections}); a
   * detection is split only while the machine has a core to spare.
   */
  public boolean isSplitting() {
    return partnerThreads != null;
  }

  /** Returns how many detections so far were split over two threads. */
  long splitDetections() {
    return splitDetections.sum();
  }

  /** Returns the minimum face size in pixels. */
  public int getMinFaceSize() {
    return options.minFaceSize();
  }

  private Cascade borrow() {
    if (closed) {
      throw new IllegalStateException("FaceDetector is closed");
    }
    Cascade c = idle.poll();
    if (c != null) {
      return c;
    }
    c = optimised ? symbolicCascade() : imperativeCascade();
    synchronized (created) {
      created.add(c);
    }
    return c;
  }

  private Cascade imperativeCascade() {
    StageTranslator t = new StageTranslator();
    return new Cascade(
        models.get(Stage.PNET).newPredictor(t),
        models.get(Stage.RNET).newPredictor(t),
        models.get(Stage.ONET).newPredictor(t),
        BGR,
        integralCrops,
        lock,
        List.of());
  }

  /**
   * A cascade with its own symbolic graphs. An MXNet CachedOp must not run on two threads at once
   * (two verify workers sharing one deadlocked inside MXNet), so each cascade, which serves one
   * thread at a time, gets its own three, with their own copy of the parameters (2 MB).
   */
  private Cascade symbolicCascade() {
    return lock.call(
        () -> {
          List<Model> own = new ArrayList<>(3);
          try {
            StageTranslator t = new StageTranslator();
            List<ai.djl.inference.Predictor<StageTranslator.Batch, StageTranslator.Heads>> p =
                new ArrayList<>(3);
            for (Stage stage : Stage.values()) {
              Model shared = models.get(stage);
              Model m = Model.newInstance(shared.getName() + "-graph", device, engine);
              own.add(m);
              m.setBlock(SymbolicMtcnn.of(stage, shared.getBlock(), m.getNDManager()));
              p.add(m.newPredictor(t));
            }
            return new Cascade(p.get(0), p.get(1), p.get(2), BGR, true, lock, own);
          } catch (RuntimeException e) {
            own.forEach(Model::close);
            throw e;
          }
        });
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (partnerThreads != null) {
      partnerThreads.shutdown();
    }
    lock.call(
        () -> {
          synchronized (created) {
            created.forEach(Cascade::close);
            created.clear();
          }
          idle.clear();
          models.values().forEach(Model::close);
          return null;
        });
  }

  /** Builds a {@link FaceDetector}; {@code opt*} settings have the original MTCNN's defaults. */
  public static final class Builder {

    private int minFaceSize = 40;
    private double scaleFactor = 0.709;
    private float[] thresholds = {0.6f, 0.7f, 0.7f};
    private double regressedNms;
    private String engine = DEFAULT_ENGINE;
    private Device device;
    private boolean optimised = true;
    private boolean split = true;
    private final Map<Stage, Path> trainedParameters = new EnumMap<>(Stage.class);

    private Builder() {}

    /**
     * Uses trained parameters for one network instead of the shipped MTCNN weights (default: the
     * shipped weights for all three). The file is DJL's block parameter format, as written by
     * {@code face-cli train-pnet} for P-Net; it must come from a block of the same structure.
     * Detections then differ from the original MTCNN's: validate with {@code face-cli detect-eval}
     * before use.
     *
     * @param stage the network
     * @param file the parameter file, or {@code null} for the shipped weights
     * @return this builder
     */
    public Builder optTrainedParameters(Stage stage, Path file) {
      Objects.requireNonNull(stage, "stage is required");
      if (file == null) {
        trainedParameters.remove(stage);
      } else {
        trainedParameters.put(stage, file);
      }
      return this;
    }

    /**
     * Sets the smallest face side searched for, in pixels (default 40). Smaller is slower: the
     * pyramid then starts at a larger scale.
     *
     * @param pixels at least 12
     * @return this builder
     */
    public Builder optMinFaceSize(int pixels) {
      this.minFaceSize = pixels;
      return this;
    }

    /**
     * Sets the ratio between pyramid levels (default 0.709).
     *
     * @param factor in (0, 1)
     * @return this builder
     */
    public Builder optScaleFactor(double factor) {
      this.scaleFactor = factor;
      return this;
    }

    /**
     * Sets the face-probability thresholds of P-Net, R-Net and O-Net (default 0.6, 0.7, 0.7).
     *
     * @param pnet P-Net threshold
     * @param rnet R-Net threshold
     * @param onet O-Net threshold
     * @return this builder
     */
    public Builder optThresholds(float pnet, float rnet, float onet) {
      this.thresholds = new float[] {pnet, rnet, onet};
      return this;
    }

    /**
     * Adds a non-maximum suppression (IoU above {@code threshold}) on the regressed candidates
     * before R-Net and before O-Net; default 0, off, as in the original MTCNN.
     *
     * <p>A speed knob, not part of the original cascade: regression makes many candidates converge
     * on the same face, and O-Net, the costliest stage, then runs on all of them. At 0.7 the O-Net
     * batch on a 6-face 640 x 480 frame fell from 44 to 10 crops and the whole detection took about
     * half the time, but on one hard photo (a face looking down, O-Net score 0.81) the face was
     * lost: the candidate kept was not the one O-Net liked best.
     *
     * @param threshold IoU threshold in (0, 1], or 0 for none
     * @return this builder
     */
    public Builder optRegressedNms(double threshold) {
      this.regressedNms = threshold;
      return this;
    }

    /**
     * Chooses between the optimised cascade (default) and the original implementation, kept to
     * compare the two in one run. The optimised one finds the same faces with the same boxes and
     * landmarks (within rounding; {@code OptimisedCascadeTest} checks it on the shared photos),
     * faster: on MXNet each network runs as a symbolic graph, one engine call per batch (see {@link
     * SymbolicMtcnn}), and on every engine R-Net's and O-Net's crops come from the image's
     * summed-area table when that is cheaper (see {@link CropSource}).
     *
     * @param optimised {@code false} for the original implementation
     * @return this builder
     */
    public Builder optOptimised(boolean optimised) {
      this.optimised = optimised;
      return this;
    }

    /**
     * Lets one detection use two cores (default {@code true}): while fewer detections run than half
     * the machine's cores, a detection gives half of each stage's inputs (the smaller pyramid
     * levels, half of the R-Net and O-Net crops) to a second cascade on another thread. The faces
     * found are the same; the wall time of a lone detection falls, the CPU time does not. Under
     * load (every core busy) nothing is split. Off on a GPU and where the engine serialises calls.
     *
     * @param split {@code false} to run every detection on its caller's thread alone
     * @return this builder
     */
    public Builder optSplitDetections(boolean split) {
      this.split = split;
      return this;
    }

    /**
     * Sets the DJL engine by name (default {@value FaceDetector#DEFAULT_ENGINE}; {@code PyTorch}
     * when its jars are on the classpath).
     *
     * @param engine the engine name
     * @return this builder
     */
    public Builder optEngine(String engine) {
      this.engine = Objects.requireNonNull(engine, "engine is required");
      return this;
    }

    /**
     * Sets the device (default: the engine's default device, a GPU if it has one).
     *
     * @param device e.g. {@code Device.cpu()} or {@code Device.fromName("gpu0")}
     * @return this builder
     */
    public Builder optDevice(Device device) {
      this.device = device;
      return this;
    }

    /**
     * Loads the networks and builds the detector.
     *
     * @return the detector; close it when done
     * @throws IllegalArgumentException if a setting is out of range or the engine is missing
     * @throws UncheckedIOException if the packaged weights cannot be read
     */
    public FaceDetector build() {
      new MtcnnOptions(
          minFaceSize, scaleFactor, thresholds, regressedNms); // validates before loading anything
      try {
        return new FaceDetector(this);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot load the MTCNN weights", e);
      }
    }
  }
}
