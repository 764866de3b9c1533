package dev.facegate.faces.boundary;

import ai.djl.Device;
import dev.facegate.faces.entity.AnalysedFace;
import dev.facegate.faces.entity.PhotoAnalysis;
import dev.facegate.faces.entity.UnreadableImageException;
import dev.facegate.faces.entity.UnreadableImageException.Kind;
import dev.facegate.models.detection.FaceDetection;
import dev.facegate.models.detection.FaceDetector;
import dev.facegate.models.embedding.FaceEmbedder;
import dev.facegate.models.image.ImageDecoder;
import dev.facegate.models.image.ImageDecodingException;
import dev.facegate.models.image.ImageTooLargeException;
import dev.facegate.models.image.RgbImage;
import dev.facegate.models.pipeline.EmbeddedFace;
import dev.facegate.models.pipeline.FacePipeline;
import dev.facegate.models.pipeline.PhotoResult;
import dev.facegate.models.quality.FaceQuality;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one face-analysis seam: decode (pixel limit before decoding, EXIF orientation applied),
 * detect, align, measure quality and embed. The networks are loaded once per server (native engines
 * load once per JVM, and loading takes seconds); detector and embedder keep a predictor per thread,
 * so concurrent callers need no container lock.
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

  /** Width of the enrolment page's preview; the height keeps the photo's aspect. */
  @Inject
  @ConfigProperty(name = "facegate.enrolment.thumbnail-width")
  int thumbnailWidth;

  private FaceDetector detector;
  private FaceEmbedder embedder;
  private FacePipeline pipeline;
  private ImageDecoder decoder;

  @PostConstruct
  void load() {
    System.setProperty("ai.djl.offline", "true");
    Device djlDevice = Device.fromName(device);
    decoder = ImageDecoder.builder().optMaxPixels(maxPixels).build();
    detector =
        FaceDetector.builder()
            .optEngine(engine)
            .optDevice(djlDevice)
            .optMinFaceSize(minFaceSize)
            .optImageDecoder(decoder)
            .build();
    embedder = FaceEmbedder.builder().optEngine(engine).optDevice(djlDevice).build();
    // No padding and no centre-crop fallback: a frame without a detected face is NO_FACE.
    pipeline = FacePipeline.builder().setDetector(detector).setEmbedder(embedder).build();
    LOG.info(
        () ->
            "Face engine ready: "
                + engine
                + " on "
                + djlDevice
                + ", model "
                + FaceEmbedder.MODEL_ID
                + " "
                + FaceEmbedder.MODEL_VERSION);
  }

  @PreDestroy
  void close() {
    embedder.close();
    detector.close();
  }

  /** The id of the embedding model every template and probe of this server carries. */
  public String modelId() {
    return FaceEmbedder.MODEL_ID;
  }

  public String modelVersion() {
    return FaceEmbedder.MODEL_VERSION;
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
   */
  public PhotoAnalysis analyse(byte[] encoded, int maxFaces) {
    return analyse(decode(encoded), maxFaces, false);
  }

  /**
   * Analyses a photo for the enrolment page: every face, plus a small upright thumbnail made from
   * the same decoded (EXIF-oriented, pixel-limited) image the faces were found in, so that the page
   * never decodes the upload a second time.
   *
   * @param encoded the uploaded bytes
   * @return the analysis with {@code thumbnailJpeg} present
   * @throws UnreadableImageException if the bytes are not an acceptable image
   */
  public PhotoAnalysis analyseWithThumbnail(byte[] encoded) {
    return analyse(decode(encoded), Integer.MAX_VALUE, true);
  }

  private PhotoAnalysis analyse(RgbImage image, int maxFaces, boolean withThumbnail) {
    PhotoResult result = pipeline.process(image);
    List<AnalysedFace> faces = new ArrayList<>();
    int found = result.faces().size();
    if (found <= maxFaces) {
      for (EmbeddedFace face : result.faces()) {
        FaceDetection detection =
            new FaceDetection(face.box(), (float) face.score(), face.landmarks());
        faces.add(
            new AnalysedFace(
                face.box(),
                face.score(),
                FaceQuality.of(detection, face.chip()),
                face.embedding(),
                face.chip()));
      }
    }
    faces.sort(Comparator.comparingDouble((AnalysedFace f) -> f.box().area()).reversed());
    return new PhotoAnalysis(
        image.width(),
        image.height(),
        found,
        faces,
        withThumbnail ? Optional.of(Thumbnails.jpeg(image, thumbnailWidth)) : Optional.empty());
  }

  private RgbImage decode(byte[] encoded) {
    if (!looksLikeJpegOrPng(encoded)) {
      throw new UnreadableImageException(
          Kind.NOT_AN_IMAGE, "The upload is not a JPEG or PNG image.");
    }
    try {
      return decoder.decodeRgb(encoded);
    } catch (ImageTooLargeException e) {
      throw new UnreadableImageException(Kind.TOO_MANY_PIXELS, e.getMessage());
    } catch (ImageDecodingException e) {
      throw new UnreadableImageException(
          Kind.CORRUPT, "The image cannot be decoded: " + e.getMessage());
    }
  }

  /** JPEG starts with FF D8 FF, PNG with its 8-byte signature. */
  static boolean looksLikeJpegOrPng(byte[] bytes) {
    if (bytes == null || bytes.length < 8) {
      return false;
    }
    boolean jpeg =
        (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF;
    boolean png =
        (bytes[0] & 0xFF) == 0x89
            && bytes[1] == 'P'
            && bytes[2] == 'N'
            && bytes[3] == 'G'
            && bytes[4] == 0x0D
            && bytes[5] == 0x0A
            && bytes[6] == 0x1A
            && bytes[7] == 0x0A;
    return jpeg || png;
  }
}
