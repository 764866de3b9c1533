package dev.facegate.models.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import dev.facegate.models.TestFaces;
import dev.facegate.models.detection.MtcnnBlocks.Stage;
import dev.facegate.models.detection.Resampler.BytePixels;
import dev.facegate.models.detection.StageTranslator.Batch;
import dev.facegate.models.detection.StageTranslator.Heads;
import dev.facegate.models.geometry.Box;
import dev.facegate.models.geometry.Point;
import dev.facegate.models.image.ImageDecoder;
import dev.facegate.models.image.RgbImage;
import dev.facegate.models.weights.PackagedWeights;
import dev.facegate.models.weights.TfjsWeights;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same MTCNN blocks and weights compute the same functions on DJL's MXNet and PyTorch engines.
 *
 * <p>Engines (and one engine on two CPUs: AVX2 and AVX-512 kernels sum in different orders) agree
 * to float32 rounding, not bit for bit. So nothing here compares list positions or values that sit
 * on a threshold: a face that scores 1.0 on both engines may come out in either order, and a
 * candidate scoring 0.6000 on one engine and 0.5999 on the other passes P-Net on one only, which
 * can move a final box by a few pixels. Two levels instead:
 *
 * <ol>
 *   <li>each network on fixed inputs, raw outputs compared element by element: this is where a
 *       wrong weight layout or operator difference would show, and it has no thresholds at all;
 *   <li>the whole cascade, detections compared as sets by IoU matching, only for detections clearly
 *       above the final threshold.
 * </ol>
 */
class EngineParityTest {

  /**
   * Largest absolute difference allowed between the engines' raw outputs. Every output is an O(1)
   * quantity: probabilities in [0, 1], box regressions and landmarks as fractions of the box side
   * (1e-3 is 0.1 px on a 100 px face). Reordered float32 sums differ by about 1e-6 here (measured
   * on an AVX-512 EPYC: at most 1.1e-6 on all three networks), and a worst-case bound for the
   * longest dot products (1,152 terms) stays near 1e-4; a layout or operator error gives
   * differences of order 0.1. 1e-3 separates the two with a wide margin either way.
   */
  private static final float OUTPUT_TOLERANCE = 1e-3f;

  /**
   * Detections compared across engines must score this much above O-Net's threshold. The stages
   * before can let a borderline candidate through on one engine only, and the O-Net score of a crop
   * a few pixels off is not the same; only faces well inside the accepted range are sure to exist
   * on both engines. (On the test photos the faces score above 0.99; rejected candidates stay below
   * 0.85 even with all thresholds at 0.3.)
   */
  private static final float CONFIDENCE_MARGIN = 0.2f;

  /** Smallest IoU of matched boxes: a 2.6 px shift of a 100 px box still gives about 0.95. */
  private static final double MIN_IOU = 0.9;

  /** Largest landmark distance of matched faces, as a fraction of the face side. */
  private static final double MAX_LANDMARK_SHIFT = 0.05;

  private static final long SEED = 20240611L;

  private static final ImageDecoder DECODER = ImageDecoder.newInstance();

  /** face-api.js's expected boxes on faces.jpg (x, y, w, h): fixed crops, no detector involved. */
  private static final double[][] FACES_JPG_BOXES = {
    {70, 21, 112, 112}, {36, 250, 133, 132}, {221, 43, 112, 111},
    {247, 231, 106, 107}, {566, 67, 104, 104}, {451, 176, 122, 122}
  };

  private static TfjsWeights weights;
  private static RgbImage facesJpg;

  @BeforeAll
  static void load() throws IOException {
    weights = PackagedWeights.MTCNN.load();
    facesJpg = DECODER.decodeRgb(TestFaces.file("faceapijs/test_images/faces.jpg"));
  }

  @Test
  void pnetAgreesOnRandomInputAndAPhotoPyramidLevel() throws Exception {
    // An odd, non-square random batch, and faces.jpg at the first pyramid level of min face 40.
    assertEnginesAgree(Stage.PNET, random(2, 61, 83));
    int w = (int) Math.ceil(facesJpg.width() * 0.3);
    int h = (int) Math.ceil(facesJpg.height() * 0.3);
    float[] level = new float[3 * w * h];
    Resampler.resize(
        new BytePixels(facesJpg.pixels()),
        facesJpg.width(),
        facesJpg.height(),
        0,
        0,
        facesJpg.width(),
        facesJpg.height(),
        level,
        w,
        h);
    float[] input = new float[3 * w * h];
    Resampler.normalizeToChw(level, w, h, input, 0, FaceDetector.BGR);
    assertEnginesAgree(Stage.PNET, new Batch(input, 1, h, w));
  }

  @Test
  void rnetAgreesOnRandomInputAndFaceCrops() throws Exception {
    assertEnginesAgree(Stage.RNET, random(8, MtcnnBlocks.RNET_SIZE, MtcnnBlocks.RNET_SIZE));
    assertEnginesAgree(Stage.RNET, faceCrops(MtcnnBlocks.RNET_SIZE));
  }

  @Test
  void onetAgreesOnRandomInputAndFaceCrops() throws Exception {
    assertEnginesAgree(Stage.ONET, random(8, MtcnnBlocks.ONET_SIZE, MtcnnBlocks.ONET_SIZE));
    assertEnginesAgree(Stage.ONET, faceCrops(MtcnnBlocks.ONET_SIZE));
  }

  @Test
  void cascadesFindTheSameConfidentFacesWithTheSameBoxesAndLandmarks() throws IOException {
    List<RgbImage> images =
        List.of(
            facesJpg,
            DECODER.decodeRgb(TestFaces.file("dlib_faces/2008_002506.jpg")),
            DECODER.decodeRgb(TestFaces.file("deepface_tests/selfie-many-people.jpg")));
    try (FaceDetector mxnet = FaceDetector.builder().optEngine("MXNet").build();
        FaceDetector pytorch =
            FaceDetector.builder().optEngine("PyTorch").optDevice(Device.cpu()).build()) {
      assertThat(mxnet.getEngineName()).isEqualTo("MXNet");
      assertThat(pytorch.getEngineName()).isEqualTo("PyTorch");
      float confident = 0.7f + CONFIDENCE_MARGIN; // O-Net's default threshold plus the margin
      int compared = 0;
      for (RgbImage image : images) {
        List<FaceDetection> a = mxnet.detect(image);
        List<FaceDetection> b = pytorch.detect(image);
        compared += assertEachConfidentFaceHasAMatch(a, b, confident, "MXNet -> PyTorch " + image);
        assertEachConfidentFaceHasAMatch(b, a, confident, "PyTorch -> MXNet " + image);
      }
      // 6 + 3 + 5 faces on these photos: the comparison must not pass by having nothing to compare.
      assertThat(compared).isGreaterThanOrEqualTo(12);
    }
  }

  /**
   * Each detection of {@code from} scoring above {@code confident} must have a detection in {@code
   * to} (of any score: the same face may score a little lower there) with a close box and close
   * landmarks. Returns the number of detections checked.
   */
  private static int assertEachConfidentFaceHasAMatch(
      List<FaceDetection> from, List<FaceDetection> to, float confident, String what) {
    int checked = 0;
    for (FaceDetection f : from) {
      if (f.score() <= confident) {
        continue;
      }
      checked++;
      FaceDetection match = null;
      for (FaceDetection t : to) {
        if (match == null || t.box().iou(f.box()) > match.box().iou(f.box())) {
          match = t;
        }
      }
      assertThat(match).as("%s: a match for %s", what, f).isNotNull();
      assertThat(match.box().iou(f.box()))
          .as("%s: IoU of %s and %s", what, f.box(), match.box())
          .isGreaterThanOrEqualTo(MIN_IOU);
      double side = Math.sqrt(f.box().area());
      for (Landmark l : Landmark.values()) {
        Point p = f.landmark(l);
        Point q = match.landmark(l);
        assertThat(Math.hypot(p.x() - q.x(), p.y() - q.y()))
            .as("%s: %s of %s vs %s", what, l, f, match)
            .isLessThanOrEqualTo(MAX_LANDMARK_SHIFT * side);
      }
    }
    return checked;
  }

  private static void assertEnginesAgree(Stage stage, Batch input) throws TranslateException {
    Heads a = run("MXNet", stage, input);
    Heads b = run("PyTorch", stage, input);
    assertThat(b.shapes()).as("%s output shapes", stage).containsExactly(a.shapes());
    for (int head = 0; head < a.data().length; head++) {
      float[] x = a.data()[head];
      float[] y = b.data()[head];
      int worst = 0;
      for (int i = 1; i < x.length; i++) {
        if (Math.abs(x[i] - y[i]) > Math.abs(x[worst] - y[worst])) {
          worst = i;
        }
      }
      assertThat(y[worst])
          .as(
              "%s head %d, element %d of %s (the largest difference)",
              stage, head, worst, a.shapes()[head])
          .isCloseTo(x[worst], within(OUTPUT_TOLERANCE));
    }
  }

  private static Heads run(String engine, Stage stage, Batch input) throws TranslateException {
    try (Model model = Model.newInstance("parity-" + stage, Device.cpu(), engine)) {
      var block = stage.newBlock();
      model.setBlock(block);
      MtcnnBlocks.loadWeights(block, stage, weights, model.getNDManager());
      try (Predictor<Batch, Heads> p = model.newPredictor(new StageTranslator())) {
        return p.predict(input);
      }
    }
  }

  /** Uniform 8-bit pixel values, normalised as the networks expect: the range real input has. */
  private static Batch random(int n, int height, int width) {
    Random random = new Random(SEED + 31L * height + width);
    float[] data = new float[n * 3 * height * width];
    for (int i = 0; i < data.length; i++) {
      data[i] = (random.nextInt(256) - 127.5f) / 128f;
    }
    return new Batch(data, n, height, width);
  }

  /** The six faces of faces.jpg, plus one crop reaching past the corner (zero padding). */
  private static Batch faceCrops(int size) {
    List<Box> boxes = new ArrayList<>();
    for (double[] b : FACES_JPG_BOXES) {
      boxes.add(Box.ofSize(b[0], b[1], b[2], b[3]));
    }
    boxes.add(Box.ofSize(-30, -20, 90, 90));
    int per = 3 * size * size;
    float[] data = new float[boxes.size() * per];
    float[] crop = new float[per];
    for (int k = 0; k < boxes.size(); k++) {
      Box b = boxes.get(k);
      Resampler.resize(
          new BytePixels(facesJpg.pixels()),
          facesJpg.width(),
          facesJpg.height(),
          (int) b.x1(),
          (int) b.y1(),
          (int) b.width(),
          (int) b.height(),
          crop,
          size,
          size);
      Resampler.normalizeToChw(crop, size, size, data, k * per, FaceDetector.BGR);
    }
    return new Batch(data, boxes.size(), size, size);
  }
}
