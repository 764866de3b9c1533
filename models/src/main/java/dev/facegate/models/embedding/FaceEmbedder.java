package dev.facegate.models.embedding;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.translate.TranslateException;
import dev.facegate.models.alignment.FaceChip;
import dev.facegate.models.alignment.FaceTemplate;
import dev.facegate.models.engine.EngineThreads;
import dev.facegate.models.engine.InferenceLock;
import dev.facegate.models.weights.PackagedWeights;
import dev.facegate.models.weights.TfjsWeights;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Turns aligned face chips into L2-normalised 128-D embeddings with dlib's ResNet.
 *
 * <p>Load once and share: the model (block and weights) is loaded at build time and is thread-safe;
 * DJL predictors are not, so each call borrows one from a small pool (one per concurrent caller)
 * and returns it. Close the embedder to release the native memory. Keep MXNet's default engine
 * type: under {@code MXNET_ENGINE_TYPE=NaiveEngine} calls into MXNet are serialised process-wide
 * ({@link InferenceLock}), which keeps results correct but costs throughput.
 */
public final class FaceEmbedder implements AutoCloseable {

  /** Id of the network, stored with every embedding. */
  public static final String MODEL_ID = "dlib_face_recognition_resnet_model_v1";

  /** Version of the weights: the npm release they come from. */
  public static final String MODEL_VERSION = "vladmandic-face-api-1.7.15";

  /**
   * The loose 150 px chip this network was trained on, as a 5-point template (left eye, right eye,
   * nose, left and right mouth corner). A tight ArcFace-style 112 px crop collapses its ROC AUC.
   */
  public static final FaceTemplate TEMPLATE =
      new FaceTemplate(
          DlibResNet.INPUT_SIZE,
          new double[][] {{44.8, 44.2}, {101.1, 42.2}, {72.8, 75.2}, {51.2, 102.9}, {99.8, 100.9}});

  /**
   * The same 150 px chip placed as dlib's own {@code get_face_chip_details(shape, 150, 0.25)}
   * places it: dlib's mean face (its 68-point average shape) reduced to the 5 points MTCNN gives
   * (the centres of the six eye-contour points of each eye, the nose tip, the mouth corners),
   * mapped by {@code (0.25 + p) / 1.5 * 150}. Symmetric, unlike {@link #TEMPLATE}, which was fitted
   * to face-api.js's crops; selectable with {@link Builder#optTemplate} to compare the two.
   */
  public static final FaceTemplate DLIB_MEAN_FACE_TEMPLATE =
      new FaceTemplate(
          DlibResNet.INPUT_SIZE,
          new double[][] {
            {47.549, 46.599},
            {100.476, 46.599},
            {74.013, 76.563},
            {50.415, 103.023},
            {97.610, 103.023}
          });

  /**
   * Engine used when none is configured. Named explicitly because DJL's own default prefers PyTorch
   * whenever its jars are on the classpath.
   */
  public static final String DEFAULT_ENGINE = "MXNet";

  private static final String CALIBRATION_RESOURCE =
      "/dev/facegate/models/embedding/" + MODEL_ID + ".properties";

  private final Model model;
  private final InferenceLock lock;
  private final FaceTemplate template;
  private final boolean flipAugmentation;
  private final FaceChipTranslator translator = new FaceChipTranslator();
  private final ConcurrentLinkedQueue<Predictor<FaceChip, float[]>> idle =
      new ConcurrentLinkedQueue<>();
  private final List<Predictor<FaceChip, float[]>> all = new ArrayList<>();
  private volatile boolean closed;

  private FaceEmbedder(Builder builder) {
    // The canonical name (and the engine's native library loaded) before deciding on the lock.
    EngineThreads.prepareMxnet(); // before the engine loads
    this.lock = InferenceLock.forEngine(Engine.getEngine(builder.engine).getEngineName());
    this.template = builder.template;
    this.flipAugmentation = builder.flipAugmentation;
    TfjsWeights weights = builder.weights != null ? builder.weights : loadPackaged();
    this.model =
        lock.call(
            () -> {
              Model m = Model.newInstance(MODEL_ID, builder.device, builder.engine);
              try {
                Block block = DlibResNet.block(builder.affineFolded);
                block.initialize(
                    m.getNDManager(),
                    DataType.FLOAT32,
                    new Shape(1, 3, DlibResNet.INPUT_SIZE, DlibResNet.INPUT_SIZE));
                DlibResNetWeights.load(block, weights);
                m.setBlock(block);
                return m;
              } catch (RuntimeException e) {
                m.close();
                throw e;
              }
            });
  }

  private static TfjsWeights loadPackaged() {
    try {
      return PackagedWeights.FACE_RECOGNITION.load();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load the packaged face recognition weights", e);
    }
  }

  /**
   * The calibrated cosine threshold of this model: same person when the cosine similarity reaches
   * it. Measured at a false-accept rate of 1e-3 (see the README for the data and command); kept in
   * a resource file next to this class so that a recalibration is not a code change.
   *
   * @return the cosine threshold
   */
  public static double calibratedThreshold() {
    try (var in = FaceEmbedder.class.getResourceAsStream(CALIBRATION_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + CALIBRATION_RESOURCE);
      }
      var props = new java.util.Properties();
      props.load(in);
      return Double.parseDouble(props.getProperty("threshold.cosine"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + CALIBRATION_RESOURCE, e);
    }
  }

  /**
   * Starts a builder.
   *
   * @return a builder with the packaged weights, the MXNet engine and its default device
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the template chips must be aligned to.
   *
   * @return the 150 px template
   */
  public FaceTemplate template() {
    return template;
  }

  /**
   * Returns the name of the engine running the network.
   *
   * @return e.g. {@code MXNet}
   */
  public String engineName() {
    return model.getNDManager().getEngine().getEngineName();
  }

  /**
   * Embeds one chip.
   *
   * @param chip an aligned 150 px chip
   * @return the unit-length embedding
   */
  public Embedding embed(FaceChip chip) {
    if (flipAugmentation) {
      return embed(List.of(chip)).get(0);
    }
    return Embedding.normalised(descriptor(chip), MODEL_ID, MODEL_VERSION);
  }

  /**
   * Embeds several chips in one batch (the faces of one photo).
   *
   * @param chips aligned 150 px chips
   * @return the unit-length embeddings, in order
   */
  public List<Embedding> embed(List<FaceChip> chips) {
    if (chips.isEmpty()) {
      return List.of();
    }
    List<FaceChip> batch = chips;
    if (flipAugmentation) {
      batch = new ArrayList<>(2 * chips.size());
      batch.addAll(chips);
      for (FaceChip c : chips) {
        batch.add(c.mirrored());
      }
    }
    List<FaceChip> input = batch;
    Predictor<FaceChip, float[]> p = borrow();
    try {
      List<float[]> raw = lock.call(() -> p.batchPredict(input));
      List<Embedding> out = new ArrayList<>(chips.size());
      for (int i = 0; i < chips.size(); i++) {
        Embedding e = Embedding.normalised(raw.get(i), MODEL_ID, MODEL_VERSION);
        if (flipAugmentation) {
          // Mean of the two unit vectors, re-normalised.
          Embedding m = Embedding.normalised(raw.get(chips.size() + i), MODEL_ID, MODEL_VERSION);
          float[] sum = e.vector();
          float[] other = m.vector();
          for (int k = 0; k < sum.length; k++) {
            sum[k] += other[k];
          }
          e = Embedding.normalised(sum, MODEL_ID, MODEL_VERSION);
        }
        out.add(e);
      }
      return out;
    } catch (TranslateException e) {
      throw new EmbeddingException("embedding " + chips.size() + " chips failed", e);
    } finally {
      idle.offer(p);
    }
  }

  /**
   * The raw, unnormalised descriptor, as face-api.js returns it; for comparisons with the reference
   * implementation.
   *
   * @param chip an aligned 150 px chip
   * @return 128 values
   */
  public float[] descriptor(FaceChip chip) {
    Objects.requireNonNull(chip, "chip is required");
    Predictor<FaceChip, float[]> p = borrow();
    try {
      return lock.call(() -> p.predict(chip));
    } catch (TranslateException e) {
      throw new EmbeddingException("embedding failed", e);
    } finally {
      idle.offer(p);
    }
  }

  private Predictor<FaceChip, float[]> borrow() {
    if (closed) {
      throw new IllegalStateException("the embedder is closed");
    }
    Predictor<FaceChip, float[]> p = idle.poll();
    if (p != null) {
      return p;
    }
    Predictor<FaceChip, float[]> created = model.newPredictor(translator);
    synchronized (all) {
      all.add(created);
    }
    return created;
  }

  @Override
  public void close() {
    closed = true;
    lock.call(
        () -> {
          synchronized (all) {
            all.forEach(Predictor::close);
            all.clear();
          }
          idle.clear();
          model.close();
          return null;
        });
  }

  /** Configures a {@link FaceEmbedder}. */
  public static final class Builder {

    private String engine = DEFAULT_ENGINE;
    private Device device;
    private TfjsWeights weights;
    private boolean affineFolded = true;
    private FaceTemplate template = TEMPLATE;
    private boolean flipAugmentation;

    private Builder() {}

    /**
     * Sets where the aligner puts the five landmarks in the chip (default {@link #TEMPLATE}).
     * Embeddings made with different templates are not comparable: change it only with a
     * re-enrolment.
     *
     * @param template a 150 px template, e.g. {@link #DLIB_MEAN_FACE_TEMPLATE}
     * @return this builder
     */
    public Builder optTemplate(FaceTemplate template) {
      java.util.Objects.requireNonNull(template, "template is required");
      if (template.chipSize() != DlibResNet.INPUT_SIZE) {
        throw new IllegalArgumentException(
            "the network takes " + DlibResNet.INPUT_SIZE + " px chips, not " + template.chipSize());
      }
      this.template = template;
      return this;
    }

    /**
     * Embeds each chip and its mirror image and returns their normalised mean (test-time
     * augmentation; default off). Costs a second network pass per face. Embeddings made with and
     * without it are not comparable: change it only with a re-enrolment.
     *
     * @param enabled whether to average with the mirror image
     * @return this builder
     */
    public Builder optFlipAugmentation(boolean enabled) {
      this.flipAugmentation = enabled;
      return this;
    }

    /**
     * Whether the affine layers are folded into the convolutions at load time (default {@code
     * true}: same descriptors, fewer operator calls). {@code false} runs dlib's layers one by one.
     *
     * @param folded whether to fold
     * @return this builder
     */
    public Builder optAffineFolded(boolean folded) {
      this.affineFolded = folded;
      return this;
    }

    /**
     * Selects the DJL engine, e.g. {@code MXNet} (the default) or {@code PyTorch}.
     *
     * @param engine the engine name
     * @return this builder
     */
    public Builder optEngine(String engine) {
      this.engine = java.util.Objects.requireNonNull(engine, "engine is required");
      return this;
    }

    /**
     * Selects the device (CPU or a GPU).
     *
     * @param device the device, or {@code null} for the engine's default
     * @return this builder
     */
    public Builder optDevice(Device device) {
      this.device = device;
      return this;
    }

    /**
     * Uses these weights instead of the packaged ones.
     *
     * @param weights a decoded {@code face_recognition_model} manifest
     * @return this builder
     */
    public Builder optWeights(TfjsWeights weights) {
      this.weights = weights;
      return this;
    }

    /**
     * Builds the embedder, loading the network once.
     *
     * @return the embedder
     */
    public FaceEmbedder build() {
      return new FaceEmbedder(this);
    }
  }
}
