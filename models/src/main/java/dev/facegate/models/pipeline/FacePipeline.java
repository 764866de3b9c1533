package dev.facegate.models.pipeline;

import dev.facegate.models.alignment.FaceAligner;
import dev.facegate.models.alignment.FaceChip;
import dev.facegate.models.detection.FaceDetection;
import dev.facegate.models.detection.FaceDetector;
import dev.facegate.models.embedding.Embedding;
import dev.facegate.models.embedding.FaceEmbedder;
import dev.facegate.models.geometry.Box;
import dev.facegate.models.geometry.Point;
import dev.facegate.models.image.ImageDecoder;
import dev.facegate.models.image.ImageDecodingException;
import dev.facegate.models.image.RgbImage;
import dev.facegate.models.pipeline.PhotoResult.Status;
import dev.facegate.models.quality.FaceQuality;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Decode, detect, align, measure and embed every face of a photo: the one seam between an
 * application and the networks.
 *
 * <pre>{@code
 * try (FaceDetector detector = FaceDetector.builder().build();
 *     FaceEmbedder embedder = FaceEmbedder.builder().build()) {
 *   FacePipeline pipeline = FacePipeline.builder().setDetector(detector).setEmbedder(embedder).build();
 *   PhotoResult result = pipeline.process(jpegBytes);
 * }
 * }</pre>
 *
 * <p>Per detected face the result holds the box, score and landmarks, the {@link FaceQuality}
 * (computed here, once) and the embedding. With {@link Builder#optMaxFacesToEmbed} a photo with
 * more faces than the caller will use costs one detection and no alignment or embedding.
 *
 * <p>Thread-safe when its detector and embedder are (both are). The pipeline does not own them:
 * close them yourself. Pipelines are cheap: several (say, one per face limit) may share a detector
 * and an embedder.
 */
public final class FacePipeline {

  /** Border of the second detection pass when the first finds nothing (see the builder). */
  public static final double DEFAULT_RETRY_PADDING = 0.25;

  /**
   * The second pass looks for faces at least this fraction of the image's shorter side: it is meant
   * for faces that fill the frame.
   */
  static final double RETRY_MIN_FACE_FRACTION = 0.4;

  /** Smallest face side, in pixels, the second pass keeps when it shrinks a large image. */
  static final int RETRY_FACE_PIXELS = 80;

  private final FaceDetector detector;
  private final FaceEmbedder embedder;
  private final FaceAligner aligner;
  private final ImageDecoder decoder;
  private final double padding;
  private final double retryPadding;
  private final boolean centreCropFallback;
  private final int maxFacesToEmbed;
  private final StageListener listener;

  private FacePipeline(Builder b) {
    this.detector = Objects.requireNonNull(b.detector, "detector is required");
    this.embedder = Objects.requireNonNull(b.embedder, "embedder is required");
    this.aligner = new FaceAligner(embedder.template());
    this.decoder = b.decoder;
    this.padding = b.padding;
    this.retryPadding = b.retryPadding;
    this.centreCropFallback = b.centreCropFallback;
    this.maxFacesToEmbed = b.maxFacesToEmbed;
    this.listener = b.listener;
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
   * Returns the aligner (for callers that cut chips themselves).
   *
   * @return the aligner for the embedder's template
   */
  public FaceAligner aligner() {
    return aligner;
  }

  /**
   * Returns the decoder {@link #process(byte[])} and {@link #process(Path)} use.
   *
   * @return the decoder, with its pixel limit
   */
  public ImageDecoder imageDecoder() {
    return decoder;
  }

  /**
   * Processes an image file.
   *
   * @param file the file
   * @return the result; an unreadable or undecodable file is {@link Status#UNDECODABLE}
   */
  public PhotoResult process(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      return undecodable("cannot read " + file + ": " + e.getMessage());
    }
    return process(bytes);
  }

  /**
   * Processes an encoded image with this pipeline's {@link ImageDecoder} (pixel limit checked
   * before decoding, EXIF orientation applied).
   *
   * @param encoded JPEG, PNG, ... bytes
   * @return the result; bytes the decoder refuses are {@link PhotoResult.Status#UNDECODABLE}
   */
  public PhotoResult process(byte[] encoded) {
    RgbImage image;
    try {
      image = decoder.decodeRgb(encoded);
    } catch (ImageDecodingException e) {
      return undecodable(e.getMessage());
    }
    return process(image);
  }

  /**
   * Processes an image already decoded by the caller (taken as it is: no EXIF orientation is known
   * here; gray, palette and alpha are handled by {@link RgbImage#of}).
   *
   * @param image the image
   * @return the result
   */
  public PhotoResult process(BufferedImage image) {
    return process(RgbImage.of(image));
  }

  /**
   * Processes a decoded image.
   *
   * @param image the upright RGB image
   * @return the result
   */
  public PhotoResult process(RgbImage image) {
    long started = System.nanoTime();
    Prepared prepared = prepare(image);
    long detected = started + prepared.detectNanos;
    listener.finished(StageListener.Stage.DETECT, prepared.detectNanos);
    if (prepared.done != null) {
      return prepared.done;
    }
    List<Embedding> embeddings =
        prepared.fallback
            ? List.of(embedder.embed(prepared.chips.get(0)))
            : embedder.embed(prepared.chips);
    PhotoResult result = finish(prepared, embeddings);
    listener.finished(StageListener.Stage.EMBED, System.nanoTime() - detected);
    return result;
  }

  /**
   * A photo detected and aligned, waiting for the embeddings of its chips: the first half of {@link
   * #process(RgbImage)}, so that a {@link PhotoStream} can embed the chips of several photos in one
   * batch while the next photo is being detected.
   */
  static final class Prepared {
    private final RgbImage image;
    private final List<FaceDetection> detections;
    private final List<FaceChip> chips;
    private final boolean fallback;
    private final PhotoResult done;
    private final long detectNanos;

    private Prepared(
        RgbImage image,
        List<FaceDetection> detections,
        List<FaceChip> chips,
        boolean fallback,
        PhotoResult done,
        long detectNanos) {
      this.image = image;
      this.detections = detections;
      this.chips = chips;
      this.fallback = fallback;
      this.done = done;
      this.detectNanos = detectNanos;
    }

    static Prepared finished(PhotoResult done) {
      return new Prepared(null, List.of(), List.of(), false, done, 0);
    }

    /** The chips to embed, in face order; empty when {@link #done()} holds the result. */
    List<FaceChip> chips() {
      return chips;
    }

    /** The result when nothing is left to embed (no face, too many, undecodable), else null. */
    PhotoResult done() {
      return done;
    }
  }

  /** Decodes with this pipeline's decoder, then {@link #prepare(RgbImage)}. */
  Prepared prepare(byte[] encoded) {
    RgbImage image;
    try {
      image = decoder.decodeRgb(encoded);
    } catch (ImageDecodingException e) {
      return Prepared.finished(undecodable(e.getMessage()));
    }
    return prepare(image);
  }

  /** Reads a file, then {@link #prepare(byte[])}. */
  Prepared prepare(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      return Prepared.finished(undecodable("cannot read " + file + ": " + e.getMessage()));
    }
    return prepare(bytes);
  }

  /** Detects (with the second pass if needed) and aligns: everything but the embedding. */
  Prepared prepare(RgbImage image) {
    long started = System.nanoTime();
    List<FaceDetection> detections = detect(image);
    long took = System.nanoTime() - started;
    if (detections.isEmpty()) {
      if (!centreCropFallback) {
        return new Prepared(
            image, detections, List.of(), false, result(image, Status.NO_FACE, "no face"), took);
      }
      return new Prepared(image, detections, List.of(aligner.centreCrop(image)), true, null, took);
    }
    if (detections.size() > maxFacesToEmbed) {
      return new Prepared(
          image,
          detections,
          List.of(),
          false,
          new PhotoResult(
              Status.TOO_MANY_FACES,
              image.width(),
              image.height(),
              detections,
              List.of(),
              detections.size()
                  + " faces, more than the "
                  + maxFacesToEmbed
                  + " this pipeline embeds"),
          took);
    }
    List<FaceChip> chips = new ArrayList<>(detections.size());
    for (FaceDetection d : detections) {
      chips.add(aligner.align(image, toArray(d.landmarks())));
    }
    return new Prepared(image, detections, chips, false, null, took);
  }

  /**
   * The second half of {@link #process(RgbImage)}: the result of a prepared photo once its chips
   * are embedded.
   *
   * @param p the prepared photo, with chips to embed
   * @param embeddings one per chip, in order
   */
  PhotoResult finish(Prepared p, List<Embedding> embeddings) {
    if (p.done != null) {
      return p.done;
    }
    if (embeddings.size() != p.chips.size()) {
      throw new IllegalArgumentException(
          embeddings.size() + " embeddings for " + p.chips.size() + " chips");
    }
    RgbImage image = p.image;
    if (p.fallback) {
      return fallback(image, p.chips.get(0), embeddings.get(0));
    }
    List<EmbeddedFace> faces = new ArrayList<>(p.detections.size());
    for (int i = 0; i < p.detections.size(); i++) {
      FaceDetection d = p.detections.get(i);
      FaceChip chip = p.chips.get(i);
      faces.add(
          new EmbeddedFace(
              d.box(),
              d.score(),
              d.landmarks(),
              FaceQuality.of(d, chip),
              embeddings.get(i),
              true,
              chip));
    }
    return new PhotoResult(Status.FACES, image.width(), image.height(), p.detections, faces, null);
  }

  /** The embedder, for a {@link PhotoStream} that batches the chips of several photos. */
  FaceEmbedder embedder() {
    return embedder;
  }

  private PhotoResult fallback(RgbImage image, FaceChip chip, Embedding e) {
    int side = Math.min(image.width(), image.height());
    double left = (image.width() - side) / 2.0;
    double top = (image.height() - side) / 2.0;
    // No landmarks: the crop is not known to be frontal, so frontalness 0.
    FaceQuality quality = new FaceQuality(side, FaceQuality.sharpness(chip), 0);
    EmbeddedFace face =
        new EmbeddedFace(
            new Box(left, top, left + side, top + side),
            Double.NaN,
            List.of(),
            quality,
            e,
            false,
            chip);
    return new PhotoResult(
        Status.FALLBACK,
        image.width(),
        image.height(),
        List.of(),
        List.of(face),
        "no face detected; centre crop embedded");
  }

  private static PhotoResult result(RgbImage image, Status status, String message) {
    return new PhotoResult(status, image.width(), image.height(), List.of(), List.of(), message);
  }

  private List<FaceDetection> detect(RgbImage image) {
    List<FaceDetection> found = detect(image, padding, 0);
    if (found.isEmpty() && retryPadding > padding) {
      // A face that fills the frame gives MTCNN no context: look again with a border, for big
      // faces only. Only when the first pass found nothing, and without the small-face pyramid
      // levels, so an empty kiosk or door frame pays a few milliseconds, not a second detection.
      int bigFace =
          (int) Math.round(RETRY_MIN_FACE_FRACTION * Math.min(image.width(), image.height()));
      // Big faces need no full resolution to be found: shrink by a whole factor first so that the
      // smallest face searched keeps at least RETRY_FACE_PIXELS (more than O-Net's 48 px input).
      // Tight crops (a few hundred pixels) are not shrunk.
      int k = Math.max(1, bigFace / RETRY_FACE_PIXELS);
      RgbImage searched = k > 1 ? shrink(image, k) : image;
      found = scaled(detect(searched, retryPadding, bigFace / k), k);
    }
    return found;
  }

  /** Averages each {@code k x k} block (the area filter for a whole factor). */
  private static RgbImage shrink(RgbImage image, int k) {
    int w = image.width() / k;
    int h = image.height() / k;
    int sw = image.width();
    byte[] src = image.pixels();
    byte[] out = new byte[3 * w * h];
    int area = k * k;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        for (int c = 0; c < 3; c++) {
          int sum = 0;
          for (int dy = 0; dy < k; dy++) {
            int row = 3 * ((y * k + dy) * sw + x * k) + c;
            for (int dx = 0; dx < k; dx++) {
              sum += src[row + 3 * dx] & 0xff;
            }
          }
          out[3 * (y * w + x) + c] = (byte) ((sum + area / 2) / area);
        }
      }
    }
    return new RgbImage(w, h, out);
  }

  /** Maps detections on an image shrunk by {@code k} back to the original's coordinates. */
  private static List<FaceDetection> scaled(List<FaceDetection> found, int k) {
    if (k == 1) {
      return found;
    }
    List<FaceDetection> out = new ArrayList<>(found.size());
    for (FaceDetection d : found) {
      Box b = d.box();
      List<Point> lm = d.landmarks().stream().map(p -> new Point(p.x() * k, p.y() * k)).toList();
      out.add(
          new FaceDetection(
              new Box(b.x1() * k, b.y1() * k, b.x2() * k, b.y2() * k), d.score(), lm));
    }
    return out;
  }

  private List<FaceDetection> detect(RgbImage image, double padding, int minFace) {
    if (padding <= 0) {
      return detector.detect(image, minFace);
    }
    // Tight crops (AT&T, the face-api.js examples) leave the detector no context around the face:
    // detect on a black border, then shift the results back. Alignment samples the original
    // image, whose outside reads as black too, so the chip is the same as on the padded image.
    int pw = (int) Math.round(padding * image.width());
    int ph = (int) Math.round(padding * image.height());
    RgbImage padded = pad(image, pw, ph);
    List<FaceDetection> found = detector.detect(padded, minFace);
    List<FaceDetection> shifted = new ArrayList<>(found.size());
    for (FaceDetection d : found) {
      Box b = d.box();
      List<Point> lm = d.landmarks().stream().map(p -> new Point(p.x() - pw, p.y() - ph)).toList();
      shifted.add(
          new FaceDetection(
              new Box(b.x1() - pw, b.y1() - ph, b.x2() - pw, b.y2() - ph), d.score(), lm));
    }
    return shifted;
  }

  private static RgbImage pad(RgbImage image, int pw, int ph) {
    int w = image.width();
    int h = image.height();
    int nw = w + 2 * pw;
    byte[] out = new byte[3 * nw * (h + 2 * ph)];
    for (int y = 0; y < h; y++) {
      System.arraycopy(image.pixels(), 3 * y * w, out, 3 * ((y + ph) * nw + pw), 3 * w);
    }
    return new RgbImage(nw, h + 2 * ph, out);
  }

  private static double[][] toArray(List<Point> landmarks) {
    double[][] out = new double[landmarks.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = new double[] {landmarks.get(i).x(), landmarks.get(i).y()};
    }
    return out;
  }

  private static PhotoResult undecodable(String message) {
    return new PhotoResult(Status.UNDECODABLE, 0, 0, List.of(), List.of(), message);
  }

  /** Configures a {@link FacePipeline}. */
  public static final class Builder {
    private FaceDetector detector;
    private FaceEmbedder embedder;
    private ImageDecoder decoder = ImageDecoder.newInstance();
    private double padding;
    private double retryPadding = DEFAULT_RETRY_PADDING;
    private boolean centreCropFallback;
    private int maxFacesToEmbed = Integer.MAX_VALUE;
    private StageListener listener = StageListener.NONE;

    private Builder() {}

    /**
     * Sets the detector (shared, not closed by the pipeline).
     *
     * @param detector the detector
     * @return this builder
     */
    public Builder setDetector(FaceDetector detector) {
      this.detector = detector;
      return this;
    }

    /**
     * Sets the embedder (shared, not closed by the pipeline).
     *
     * @param embedder the embedder
     * @return this builder
     */
    public Builder setEmbedder(FaceEmbedder embedder) {
      this.embedder = embedder;
      return this;
    }

    /**
     * Sets the decoder for encoded input, with its pixel limit (default: {@link
     * ImageDecoder#newInstance()}). Images passed decoded are not checked again.
     *
     * @param decoder the decoder
     * @return this builder
     */
    public Builder optImageDecoder(ImageDecoder decoder) {
      this.decoder = Objects.requireNonNull(decoder, "decoder is required");
      return this;
    }

    /**
     * Embeds nothing when the detector finds more than {@code n} faces: the result is then {@link
     * PhotoResult.Status#TOO_MANY_FACES} with every detection (box, score, landmarks) and no
     * embedding, so a caller that refuses such a photo pays for one detection only. Default:
     * unlimited. {@code 0} makes a detection-only pipeline.
     *
     * @param n the most faces to align and embed, at least 0
     * @return this builder
     */
    public Builder optMaxFacesToEmbed(int n) {
      if (n < 0) {
        throw new IllegalArgumentException("maxFacesToEmbed must be at least 0, got " + n);
      }
      this.maxFacesToEmbed = n;
      return this;
    }

    /**
     * Reports how long detection and embedding took for each processed image (default: nobody).
     *
     * @param listener called on the processing thread after each stage
     * @return this builder
     */
    public Builder optStageListener(StageListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener is required");
      return this;
    }

    /**
     * Pads the image with a black border before detection, as a fraction of its width and height on
     * each side; helps on tight face crops. Default 0.
     *
     * @param fraction border per side, {@code 0 <= fraction <= 1}
     * @return this builder
     */
    public Builder optPadding(double fraction) {
      if (!(fraction >= 0 && fraction <= 1)) {
        throw new IllegalArgumentException("padding must be in [0, 1], got " + fraction);
      }
      this.padding = fraction;
      return this;
    }

    /**
     * When detection finds no face, detects again on the image with a black border of this fraction
     * of its width and height on each side (default {@value FacePipeline#DEFAULT_RETRY_PADDING}; 0
     * turns the second pass off). It finds faces that fill the frame (ID photos, crops from other
     * systems, a camera at arm's length), where MTCNN sees no context around the face. What it
     * finds is a real detection with landmarks, not a guess, so it is on for enrolment too; it runs
     * only when the first pass found nothing, and only if the fraction is larger than {@link
     * #optPadding}'s.
     *
     * @param fraction border per side for the second pass, {@code 0 <= fraction <= 1}
     * @return this builder
     */
    public Builder optRetryPadding(double fraction) {
      if (!(fraction >= 0 && fraction <= 1)) {
        throw new IllegalArgumentException("retry padding must be in [0, 1], got " + fraction);
      }
      this.retryPadding = fraction;
      return this;
    }

    /**
     * When no face is detected, embeds the centred square of the photo instead (reported as {@link
     * PhotoResult.Status#FALLBACK}). Only sensible for collections of face crops. Default off.
     *
     * @param enabled whether to fall back
     * @return this builder
     */
    public Builder optCentreCropFallback(boolean enabled) {
      this.centreCropFallback = enabled;
      return this;
    }

    /**
     * Builds the pipeline.
     *
     * @return the pipeline
     */
    public FacePipeline build() {
      return new FacePipeline(this);
    }
  }
}
