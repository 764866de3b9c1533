package dev.facegate.models.cli;

import ai.djl.Device;
import dev.facegate.models.detection.FaceDetector;
import dev.facegate.models.image.ImageDecoder;

/** The detector options every detection command accepts, and building the detector from them. */
final class DetectorOptions {

  static final String USAGE =
      """
        --min-face N         smallest face side in pixels (default 40)
        --scale-factor F     pyramid scale factor (default 0.709)
        --thresholds A,B,C   P-Net, R-Net, O-Net thresholds (default 0.6,0.7,0.7)
        --regressed-nms T    extra NMS on regressed candidates, a speed knob (default 0: off)
        --engine NAME        DJL engine: MXNet (default) or PyTorch (PyTorch needs its native
                             jar on the class path; an engine that cannot run is refused)
        --device NAME        cpu, gpu0, ... (default: the engine's default)
        --max-pixels N       refuse images with more pixels (default 50000000)
      """;

  private DetectorOptions() {}

  /** Reads {@code --engine} and refuses, before anything loads, an engine that cannot run. */
  static String engine(Args args) throws UsageException {
    return Engines.require(args.option("engine").orElse(FaceDetector.DEFAULT_ENGINE));
  }

  static FaceDetector build(Args args) throws UsageException {
    FaceDetector.Builder b =
        FaceDetector.builder()
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
    long maxPixels = (long) args.doubleOption("max-pixels", ImageDecoder.DEFAULT_MAX_PIXELS);
    b.optImageDecoder(ImageDecoder.builder().optMaxPixels(maxPixels).build());
    args.checkAllUsed();
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }
}
