package dev.facegate.models.cli;

import com.google.gson.Gson;
import dev.facegate.models.detection.FaceDetection;
import dev.facegate.models.detection.FaceDetector;
import dev.facegate.models.evaluation.DetectionMetrics;
import dev.facegate.models.evaluation.GroundTruthFormats;
import dev.facegate.models.evaluation.GroundTruthImage;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code detect-eval}: recall, precision and average precision of the detector against labelled
 * faces (dlib imglab XML or WIDER FACE), at an IoU threshold.
 */
final class DetectEvalCommand implements Command {

  @Override
  public String name() {
    return "detect-eval";
  }

  @Override
  public String usage() {
    return "detect-eval (--imglab XML | --wider GT.txt --images DIR) [--json]   recall/precision/AP\n"
        + "  --imglab XML         dlib imglab file; image paths relative to its folder\n"
        + "  --wider GT.txt       WIDER FACE wider_face_*_bbx_gt.txt (invalid faces ignored)\n"
        + "  --images DIR         the WIDER_*/images folder the GT paths start from\n"
        + "  --min-size N         count labelled faces with shorter side >= N px (default 40)\n"
        + "  --iou T              IoU for a match (default 0.5)\n"
        + "  --json               print the figures as one JSON line last\n"
        + DetectorOptions.USAGE;
  }

  /**
   * Reads the ground truth named by {@code --imglab XML} or {@code --wider GT.txt --images DIR}
   * (shared with {@code mine-samples}).
   */
  static List<GroundTruthImage> readTruth(Args args) throws UsageException, java.io.IOException {
    if (args.option("imglab").isPresent()) {
      return GroundTruthFormats.readImglabXml(Path.of(args.option("imglab").get()));
    }
    if (args.option("wider").isPresent()) {
      Path images =
          args.option("images")
              .map(Path::of)
              .orElseThrow(() -> new UsageException("--wider needs --images DIR"));
      return GroundTruthFormats.readWiderFace(Path.of(args.option("wider").get()), images);
    }
    throw new UsageException("give --imglab XML or --wider GT.txt --images DIR");
  }

  @Override
  public Set<String> switches() {
    return Set.of("json");
  }

  @Override
  public int run(Args args, PrintStream out, PrintStream err) throws Exception {
    if (!args.positionals().isEmpty()) {
      throw new UsageException("unexpected argument " + args.positionals().get(0));
    }
    String source = args.option("imglab").or(() -> args.option("wider")).orElse("");
    List<GroundTruthImage> truth = readTruth(args);
    double minSize = args.doubleOption("min-size", 40);
    double iou = args.doubleOption("iou", 0.5);
    boolean json = args.flag("json");
    DetectionMetrics m = new DetectionMetrics(iou, minSize);
    int detections = 0;
    try (DetectorOptions options = DetectorOptions.open(args)) {
      FaceDetector detector = options.detector();
      long start = System.nanoTime();
      for (GroundTruthImage g : truth) {
        List<FaceDetection> faces = detector.detect(options.decoder().decodeRgb(g.image()));
        detections += faces.size();
        m.add(
            g.faces(),
            faces.stream().map(f -> new DetectionMetrics.Detected(f.box(), f.score())).toList());
        if (m.images() % 100 == 0) {
          err.printf("%d / %d images%n", m.images(), truth.size());
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      out.printf(
          "%s: %d images, %d labelled faces >= %.0f px, %d detections (min face %d, %s)%n",
          source,
          m.images(),
          m.positives(),
          minSize,
          detections,
          detector.getMinFaceSize(),
          detector.getEngineName());
      out.printf(
          "IoU %.2f: recall %.4f  precision %.4f  AP %.4f  (TP %d, FP %d)  %.1f s%n",
          iou,
          m.recall(),
          m.precision(),
          m.averagePrecision(),
          m.truePositives(),
          m.falsePositives(),
          seconds);
      if (json) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("groundTruth", source);
        figures.put("images", m.images());
        figures.put("faces", m.positives());
        figures.put("detections", detections);
        figures.put("truePositives", m.truePositives());
        figures.put("falsePositives", m.falsePositives());
        figures.put("recall", m.recall());
        figures.put("precision", m.precision());
        figures.put("averagePrecision", m.averagePrecision());
        figures.put("iou", iou);
        figures.put("minSize", minSize);
        figures.put("minFace", detector.getMinFaceSize());
        figures.put("engine", detector.getEngineName());
        out.println(new Gson().toJson(figures));
      }
    }
    return 0;
  }
}
