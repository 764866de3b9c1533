package dev.facegate.faces.boundary;

import ai.djl.Device;
import dev.facegate.domain.health.Probe;
import dev.facegate.domain.health.Probes;
import dev.facegate.faces.control.InferenceLimiter;
import dev.facegate.faces.control.InferenceSettings;
import dev.facegate.faces.entity.AnalysedFace;
import dev.facegate.faces.entity.EngineIdentity;
import dev.facegate.faces.entity.FaceEngineBusyException;
import dev.facegate.faces.entity.PhotoAnalysis;
import dev.facegate.faces.entity.UnreadableImageException;
import dev.facegate.faces.entity.UnreadableImageException.Kind;
import dev.facegate.models.detection.FaceDetector;
import dev.facegate.models.detection.MtcnnBlocks;
import dev.facegate.models.embedding.FaceEmbedder;
import dev.facegate.models.engine.EngineThreads;
import dev.facegate.models.image.ImageDecoder;
import dev.facegate.models.image.ImageDecodingException;
import dev.facegate.models.image.ImageFormat;
import dev.facegate.models.image.ImageTooLargeException;
import dev.facegate.models.image.RgbImage;
import dev.facegate.models.image.UnsupportedImageFormatException;
import dev.facegate.models.pipeline.EmbeddedFace;
import dev.facegate.models.pipeline.FacePipeline;
import dev.facegate.models.pipeline.PhotoResult;
import dev.facegate.models.pipeline.StageListener;
import dev.facegate.observability.control.Stage;
import dev.facegate.observability.control.WorkMetrics;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one face-analysis seam: decode (pixel limit before decoding, EXIF orientation applied),
 * detect, align, measure quality and embed. The networks are loaded once per server (native engines
 * load once per JVM, and loading takes seconds); detector and embedder keep a predictor per thread,
 * so concurrent callers need no container lock.
 *
 * <p>Every analysis passes the {@link InferenceLimiter}: a bounded number run at once, a bounded
 * number wait, and the rest are refused at once ({@link FaceEngineBusyException}) rather than
 * queueing without end behind a busy engine ({@code facegate.inference.*}).
 *
 * <p>Where it runs is configuration ({@link InferenceSettings}): on an inference node, and on a
 * portal node without inference nodes (the local run and the tests), the networks are loaded here;
 * a portal node with inference nodes loads nothing and its {@link FaceEngine} calls {@link
 * InferenceService} on them instead.
 *
 * <p>It touches no database, so it runs outside transactions: a refused upload ({@link
 * UnreadableImageException}) can never mark a caller's transaction for rollback. Open to every
 * caller because only other boundaries reach it (the architecture test keeps the web layer away);
 * they carry the authorisation.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@PermitAll
public class FaceAnalysis {

  private static final Logger LOG = Logger.getLogger(FaceAnalysis.class.getName());

  /** The image formats the server accepts, recognised from the content (JPEG and PNG). */
  public static final Set<ImageFormat> ACCEPTED_FORMATS =
      Collections.unmodifiableSet(EnumSet.of(ImageFormat.JPEG, ImageFormat.PNG));

  @Inject
  @ConfigProperty(name = "facegate.face.engine")
  String engine;

  /** {@code cpu} or {@code gpu} (or {@code gpu0}, ...). */
  @Inject
  @ConfigProperty(name = "facegate.face.device")
  String device;

  @Inject
  @ConfigProperty(name = "facegate.face.min-face-size")
  int minFaceSize;

  @Inject
  @ConfigProperty(name = "facegate.face.max-pixels")
  long maxPixels;

  /**
   * {@code optimised} (MXNet symbolic graphs) or {@code original}: the cascade before issue 16,
   * kept for one release to compare the two on the same server.
   */
  @Inject
  @ConfigProperty(name = "facegate.face.cascade")
  String cascade;

  /** Whether a detection may use a second core while one is idle (see FaceDetector). */
  @Inject
  @ConfigProperty(name = "facegate.face.split-detections")
  boolean splitDetections;

  /**
   * A P-Net trained with {@code face-cli train-pnet} (DJL parameter file) used instead of the
   * shipped MTCNN weights; unset: the shipped weights. A file of another structure fails the start
   * of the server rather than detecting with a wrong network.
   */
  @Inject
  @ConfigProperty(name = "facegate.face.pnet-parameters")
  Optional<String> pnetParameters;

  /** Width of the enrolment page's preview; the height keeps the photo's aspect. */
  @Inject
  @ConfigProperty(name = "facegate.enrolment.thumbnail-width")
  int thumbnailWidth;

  @Inject
  @ConfigProperty(name = "facegate.inference.max-concurrent")
  int maxConcurrent;

  @Inject
  @ConfigProperty(name = "facegate.inference.max-queued")
  int maxQueued;

  @Inject
  @ConfigProperty(name = "facegate.inference.queue-timeout-ms")
  long queueTimeoutMillis;

  @Inject
  @ConfigProperty(name = "facegate.inference.retry-after-seconds")
  int retryAfterSeconds;

  /** Busy this long without finishing an analysis, the engine counts as stuck (liveness DOWN). */
  @Inject
  @ConfigProperty(name = "facegate.inference.stalled-after-seconds")
  long stalledAfterSeconds;

  @Inject WorkMetrics metrics;

  @Inject InferenceSettings settings;

  private InferenceLimiter limiter;
  private AutoCloseable liveness;
  private FaceDetector detector;
  private FaceEmbedder embedder;
  private FacePipeline pipeline;
  private FacePipeline singleFacePipeline;
  private ImageDecoder decoder;

  @PostConstruct
  void load() {
    if (!settings.engineInProcess()) {
      LOG.info(() -> "Face engine not loaded here: analyses go to " + settings.nodes());
      return;
    }
    System.setProperty("ai.djl.offline", "true");
    limiter =
        new InferenceLimiter(
            new InferenceLimiter.Settings(
                InferenceLimiter.Settings.concurrency(
                    maxConcurrent, Runtime.getRuntime().availableProcessors()),
                maxQueued,
                queueTimeoutMillis,
                retryAfterSeconds),
            metrics::inferenceRejected);
    metrics.gauge("facegate.inference.running", limiter::running);
    metrics.gauge("facegate.inference.queued", limiter::waiting);
    metrics.gauge("facegate.inference.max.concurrent", () -> limiter.settings().maxConcurrent());
    // Before anything loads MXNet (Device.fromName does): its CPU worker count is read once.
    EngineThreads.prepareMxnet();
    Device djlDevice = Device.fromName(device);
    decoder = ImageDecoder.builder().optMaxPixels(maxPixels).optFormats(ACCEPTED_FORMATS).build();
    if (!cascade.equals("optimised") && !cascade.equals("original")) {
      throw new IllegalStateException(
          "facegate.face.cascade must be optimised or original, not " + cascade);
    }
    FaceDetector.Builder detectorBuilder =
        FaceDetector.builder()
            .optEngine(engine)
            .optDevice(djlDevice)
            .optMinFaceSize(minFaceSize)
            .optOptimised(cascade.equals("optimised"))
            .optSplitDetections(splitDetections);
    pnetParameters
        .filter(file -> !file.isBlank())
        .ifPresent(
            file -> {
              detectorBuilder.optTrainedParameters(MtcnnBlocks.Stage.PNET, Path.of(file));
              LOG.info(() -> "P-Net parameters from " + file + " instead of the shipped weights");
            });
    detector = detectorBuilder.build();
    embedder = FaceEmbedder.builder().optEngine(engine).optDevice(djlDevice).build();
    // No centre-crop fallback: a frame without a detected face is NO_FACE. The pipeline's padded
    // second pass (default) runs only when the first finds nothing, and it returns a real
    // detection with landmarks (a face filling a tight crop), never a guess, so enrolment may use
    // it.
    pipeline = pipeline(Integer.MAX_VALUE);
    singleFacePipeline = pipeline(1);
    LOG.info(
        () ->
            "Face engine ready: "
                + engine
                + " on "
                + djlDevice
                + ", model "
                + FaceEmbedder.MODEL_ID
                + " "
                + FaceEmbedder.MODEL_VERSION
                + "; at most "
                + limiter.settings().maxConcurrent()
                + " analyses at once, "
                + limiter.settings().maxQueued()
                + " queued");
    liveness = Probes.register(Probes.Kind.LIVENESS, "faceEngine", this::liveness);
  }

  @PreDestroy
  void close() throws Exception {
    if (liveness != null) {
      liveness.close();
    }
    if (embedder != null) {
      embedder.close();
      detector.close();
    }
  }

  /**
   * DOWN when the engine has been busy for {@code facegate.inference.stalled-after-seconds} without
   * finishing one analysis: a native call hangs, and only a restart helps. The database and the
   * index are not asked: their outages make the node unready, and a restart would not mend them.
   */
  private Probe liveness() {
    Duration stalled = limiter.stalledFor().orElse(Duration.ZERO);
    return new Probe(
        stalled.toSeconds() < stalledAfterSeconds,
        Map.of("busyWithoutProgressSeconds", Long.toString(stalled.toSeconds())));
  }

  /** The id of the embedding model every template and probe of this server carries. */
  public String modelId() {
    return FaceEmbedder.MODEL_ID;
  }

  public String modelVersion() {
    return FaceEmbedder.MODEL_VERSION;
  }

  /** This server and the model it embeds with (the cheap call a portal's readiness makes). */
  public EngineIdentity identity() {
    return new EngineIdentity(
        System.getProperty("jboss.node.name", "unnamed"),
        FaceEmbedder.MODEL_ID,
        FaceEmbedder.MODEL_VERSION);
  }

  /** The cosine threshold calibrated for this model (see README: calibration). */
  public double calibratedThreshold() {
    return FaceEmbedder.calibratedThreshold();
  }

  /**
   * Decodes a JPEG or PNG and detects, aligns, measures and embeds every face.
   *
   * @param encoded the uploaded bytes
   * @return the faces, largest first
   * @throws UnreadableImageException if the bytes are not an acceptable image
   * @throws FaceEngineBusyException if the engine is at its bound; nothing was analysed
   */
  public PhotoAnalysis analyse(byte[] encoded) {
    return analyse(encoded, Integer.MAX_VALUE);
  }

  /**
   * Like {@link #analyse(byte[])}, but embeds nothing when more than {@code maxFaces} faces are
   * found: a caller that refuses such a photo need not pay for their embeddings.
   *
   * @param encoded the uploaded bytes
   * @param maxFaces the most faces the caller will use
   * @return the analysis; {@code faces} is empty when {@code faceCount > maxFaces}
   * @throws UnreadableImageException if the bytes are not an acceptable image
   * @throws FaceEngineBusyException if the engine is at its bound; nothing was analysed
   */
  public PhotoAnalysis analyse(byte[] encoded, int maxFaces) {
    return loadedLimiter().run(() -> analyse(decode(encoded), maxFaces, false));
  }

  /**
   * Analyses several photos, one after the other, each through the bound like a single call (a
   * batch does not jump the queue, and a refusal refuses the rest of the batch).
   *
   * @param photos the uploaded bytes of each photo
   * @param maxFaces the most faces the caller will use per photo
   * @return one analysis per photo, in order
   * @throws UnreadableImageException if a photo is not an acceptable image; its message names the
   *     photo's position
   * @throws FaceEngineBusyException if the engine is at its bound
   */
  public List<PhotoAnalysis> analyseAll(List<byte[]> photos, int maxFaces) {
    List<PhotoAnalysis> analyses = new ArrayList<>(photos.size());
    for (int i = 0; i < photos.size(); i++) {
      try {
        analyses.add(analyse(photos.get(i), maxFaces));
      } catch (UnreadableImageException e) {
        throw new UnreadableImageException(e.kind(), "Photo " + (i + 1) + ": " + e.getMessage());
      }
    }
    return analyses;
  }

  /**
   * Analyses a photo for the enrolment page: every face, plus a small upright thumbnail made from
   * the same decoded (EXIF-oriented, pixel-limited) image the faces were found in, so that the page
   * never decodes the upload a second time.
   *
   * @param encoded the uploaded bytes
   * @return the analysis with {@code thumbnailJpeg} present
   * @throws UnreadableImageException if the bytes are not an acceptable image
   * @throws FaceEngineBusyException if the engine is at its bound; nothing was analysed
   */
  public PhotoAnalysis analyseWithThumbnail(byte[] encoded) {
    return loadedLimiter().run(() -> analyse(decode(encoded), Integer.MAX_VALUE, true));
  }

  /** The limiter, once the engine is loaded here; a portal with inference nodes has none. */
  private InferenceLimiter loadedLimiter() {
    if (limiter == null) {
      throw new IllegalStateException(
          "The face engine runs on the inference nodes " + settings.nodes() + ", not here");
    }
    return limiter;
  }

  private PhotoAnalysis analyse(RgbImage image, int maxFaces, boolean withThumbnail) {
    FacePipeline chosen =
        switch (maxFaces) {
          case 1 -> singleFacePipeline;
          case Integer.MAX_VALUE -> pipeline;
          default -> pipeline(maxFaces);
        };
    PhotoResult result = chosen.process(image);
    // The chips go only to the enrolment page's caller (the one that asks for a thumbnail).
    List<AnalysedFace> faces =
        result.faces().stream()
            .sorted(Comparator.comparingDouble((EmbeddedFace f) -> f.box().area()).reversed())
            .map(face -> AnalysedFace.of(face, withThumbnail))
            .toList();
    return new PhotoAnalysis(
        image.width(),
        image.height(),
        result.faceCount(),
        faces,
        withThumbnail ? Thumbnails.jpeg(image, thumbnailWidth) : null);
  }

  /** Pipelines share the detector and embedder; they differ only in how many faces they embed. */
  private FacePipeline pipeline(int maxFacesToEmbed) {
    return FacePipeline.builder()
        .setDetector(detector)
        .setEmbedder(embedder)
        .optImageDecoder(decoder)
        .optMaxFacesToEmbed(maxFacesToEmbed)
        .optStageListener(this::stageFinished)
        .build();
  }

  private void stageFinished(StageListener.Stage stage, long nanos) {
    metrics.stage(stage == StageListener.Stage.DETECT ? Stage.DETECT : Stage.EMBED, nanos);
  }

  private RgbImage decode(byte[] encoded) {
    if (encoded == null || encoded.length == 0) {
      throw new UnreadableImageException(Kind.NOT_AN_IMAGE, "The upload is empty.");
    }
    try {
      return decoder.decodeRgb(encoded);
    } catch (UnsupportedImageFormatException e) {
      throw new UnreadableImageException(
          Kind.NOT_AN_IMAGE, "The upload is not a " + acceptedFormats("or") + " image.");
    } catch (ImageTooLargeException e) {
      throw new UnreadableImageException(Kind.TOO_MANY_PIXELS, e.getMessage());
    } catch (ImageDecodingException e) {
      throw new UnreadableImageException(
          Kind.CORRUPT, "The image cannot be decoded: " + e.getMessage());
    }
  }

  /**
   * Whether a file name looks like a photo this server accepts (bulk import picks its candidates by
   * name; the content still decides). One list of formats for the whole server: {@link
   * #ACCEPTED_FORMATS}.
   *
   * @param fileName the name, e.g. {@code E-1042/front.JPG}
   * @return true for the accepted formats' extensions
   */
  public static boolean hasAcceptedExtension(String fileName) {
    return ACCEPTED_FORMATS.stream().anyMatch(format -> format.matchesFileName(fileName));
  }

  /**
   * The accepted formats in words.
   *
   * @param conjunction "or" or "and"
   * @return e.g. "JPEG or PNG"
   */
  public static String acceptedFormats(String conjunction) {
    return String.join(" " + conjunction + " ", ACCEPTED_FORMATS.stream().map(Enum::name).toList());
  }
}
