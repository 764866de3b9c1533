package dev.facegate.models.cli;

import ai.djl.Device;
import dev.facegate.models.embedding.FaceEmbedder;
import dev.facegate.models.pipeline.FacePipeline;

/**
 * The options of the commands that run the whole pipeline ({@code embed}, {@code compare}, {@code
 * verify}), and the detector, embedder and pipeline built from them. Close it to release the
 * networks.
 */
final class PipelineOptions implements AutoCloseable {

  static final String USAGE =
      """
        --pad F              pad the image by F of its width/height on each side before detection
                             (helps on tight face crops; default 0)
        --retry-pad F        when no face is found, detect again with a border of F per side
                             (default 0.25; 0 = one pass only, the behaviour before issue 16)
        --tta NAME           none (default) or flip: average each face's embedding with its
                             mirror image's
        --template NAME      chip template: facegate (default, fitted to face-api.js crops) or
                             dlib (dlib's mean face, get_face_chip_details(150, 0.25))
        --fallback           embed the centre crop when no face is detected (reported as fallback)
        --max-faces N        embed nothing when more than N faces are found (status
                             too_many_faces, the detections still listed; default: no limit)
      """
          + DetectorOptions.USAGE;

  private final DetectorOptions detector;
  private final FaceEmbedder embedder;
  private final FacePipeline pipeline;

  private PipelineOptions(DetectorOptions detector, FaceEmbedder embedder, FacePipeline pipeline) {
    this.detector = detector;
    this.embedder = embedder;
    this.pipeline = pipeline;
  }

  /**
   * Reads the pipeline and detector options and loads the networks. Call it after the command has
   * read its own options: the detector options check that every option was used.
   */
  static PipelineOptions open(Args args) throws UsageException {
    double pad = args.doubleOption("pad", 0);
    if (!(pad >= 0 && pad <= 1)) {
      throw new UsageException("--pad must be between 0 and 1");
    }
    double retryPad = args.doubleOption("retry-pad", FacePipeline.DEFAULT_RETRY_PADDING);
    if (!(retryPad >= 0 && retryPad <= 1)) {
      throw new UsageException("--retry-pad must be between 0 and 1");
    }
    String tta = args.option("tta").orElse("none");
    if (!tta.equals("none") && !tta.equals("flip")) {
      throw new UsageException("--tta must be none or flip");
    }
    String template = args.option("template").orElse("facegate");
    if (!template.equals("facegate") && !template.equals("dlib")) {
      throw new UsageException("--template must be facegate or dlib");
    }
    boolean fallback = args.flag("fallback");
    int maxFaces = args.intOption("max-faces", Integer.MAX_VALUE);
    if (maxFaces < 0) {
      throw new UsageException("--max-faces must be at least 0");
    }
    String engine = DetectorOptions.engine(args);
    Device device = args.option("device").map(Device::fromName).orElse(null);
    DetectorOptions detector = DetectorOptions.open(args);
    FaceEmbedder embedder;
    try {
      embedder =
          FaceEmbedder.builder()
              .optEngine(engine)
              .optDevice(device)
              .optFlipAugmentation(tta.equals("flip"))
              .optTemplate(
                  template.equals("dlib")
                      ? FaceEmbedder.DLIB_MEAN_FACE_TEMPLATE
                      : FaceEmbedder.TEMPLATE)
              .build();
    } catch (RuntimeException e) {
      detector.close();
      throw e;
    }
    FacePipeline pipeline =
        FacePipeline.builder()
            .setDetector(detector.detector())
            .setEmbedder(embedder)
            .optImageDecoder(detector.decoder())
            .optPadding(pad)
            .optRetryPadding(retryPad)
            .optCentreCropFallback(fallback)
            .optMaxFacesToEmbed(maxFaces)
            .build();
    return new PipelineOptions(detector, embedder, pipeline);
  }

  FacePipeline pipeline() {
    return pipeline;
  }

  FaceEmbedder embedder() {
    return embedder;
  }

  @Override
  public void close() {
    embedder.close();
    detector.close();
  }
}
