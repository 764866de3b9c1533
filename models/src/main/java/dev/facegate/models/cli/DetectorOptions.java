package dev.facegate.models.cli;

import ai.djl.Device;
import dev.facegate.models.detection.FaceDetector;
import dev.facegate.models.detection.MtcnnBlocks;
import dev.facegate.models.image.ImageDecoder;

/**
 * The detector options every detection command accepts, and the detector and image decoder built
 * from them. Close it to release the networks.
 */
final class DetectorOptions implements AutoCloseable {

  static final String USAGE =
      """
        --min-face N         smallest face side in pixels (default 40)
        --scale-factor F     pyramid scale factor (default 0.709)
        --thresholds A,B,C   P-Net, R-Net, O-Net thresholds (default 0.6,0.7,0.7)
        --regressed-nms T    extra NMS on regressed candidates, a speed knob (default 0: off)
        --cascade NAME       optimised (default) or original: the implementation before issue 16,
                             kept to compare the two (same faces, boxes within rounding)
        --split on|off       let one detection use two cores while a core is idle (default on)
        --engine NAME        DJL engine: MXNet (default) or PyTorch (PyTorch needs its native
                             jar on the class path; an engine that cannot run is refused)
        --device NAME        cpu, gpu0, ... (default: the engine's default)
        --max-pixels N       refuse images with more pixels (default 50000000)
        --pnet-params FILE   use a trained P-Net (face-cli train-pnet) instead of the shipped one
      """;

  private final FaceDetector detector;
  private final ImageDecoder decoder;

  private DetectorOptions(FaceDetector detector, ImageDecoder decoder) {
    this.detector = detector;
    this.decoder = decoder;
  }

  /** Reads {@code --engine} and refuses, before anything loads, an engine that cannot run. */
  static String engine(Args args) throws UsageException {
    return Engines.require(args.option("engine").orElse(FaceDetector.DEFAULT_ENGINE));
  }

  /**
   * Reads the detector options and loads the networks. Call it after the command has read its own
   * options: it checks that every option was used.
   */
  static DetectorOptions open(Args args) throws UsageException {
    FaceDetector.Builder b = builder(args);
    ImageDecoder decoder = decoder(args);
    args.checkAllUsed();
    try {
      return new DetectorOptions(b.build(), decoder);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /** Reads the detector options into a builder, without loading anything. */
  static FaceDetector.Builder builder(Args args) throws UsageException {
    String cascade = args.option("cascade").orElse("optimised");
    if (!cascade.equals("optimised") && !cascade.equals("original")) {
      throw new UsageException("--cascade must be optimised or original, not " + cascade);
    }
    String split = args.option("split").orElse("on");
    if (!split.equals("on") && !split.equals("off")) {
      throw new UsageException("--split must be on or off, not " + split);
    }
    FaceDetector.Builder b =
        FaceDetector.builder()
            .optOptimised(cascade.equals("optimised"))
            .optSplitDetections(split.equals("on"))
            .optMinFaceSize(args.intOption("min-face", 40))
            .optScaleFactor(args.doubleOption("scale-factor", 0.709))
            .optRegressedNms(args.doubleOption("regressed-nms", 0))
            .optEngine(engine(args));
    if (args.option("device").isPresent()) {
      b.optDevice(Device.fromName(args.option("device").get()));
    }
    if (args.option("thresholds").isPresent()) {
      String[] t = args.option("thresholds").get().split(",");
      if (t.length != 3) {
        throw new UsageException("--thresholds needs three comma-separated numbers");
      }
      try {
        b.optThresholds(Float.parseFloat(t[0]), Float.parseFloat(t[1]), Float.parseFloat(t[2]));
      } catch (NumberFormatException e) {
        throw new UsageException("--thresholds needs three numbers: " + e.getMessage());
      }
    }
    args.option("pnet-params")
        .ifPresent(f -> b.optTrainedParameters(MtcnnBlocks.Stage.PNET, java.nio.file.Path.of(f)));
    return b;
  }

  /** Reads {@code --max-pixels} into a decoder. */
  static ImageDecoder decoder(Args args) throws UsageException {
    long maxPixels = (long) args.doubleOption("max-pixels", ImageDecoder.DEFAULT_MAX_PIXELS);
    try {
      return ImageDecoder.builder().optMaxPixels(maxPixels).build();
    } catch (IllegalArgumentException e) {
      throw new UsageException("--max-pixels: " + e.getMessage());
    }
  }

  FaceDetector detector() {
    return detector;
  }

  /** The decoder with the {@code --max-pixels} limit. */
  ImageDecoder decoder() {
    return decoder;
  }

  @Override
  public void close() {
    detector.close();
  }
}
