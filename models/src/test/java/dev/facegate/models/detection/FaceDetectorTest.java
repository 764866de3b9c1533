package dev.facegate.models.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.facegate.models.TestFaces;
import dev.facegate.models.evaluation.DetectionMetrics;
import dev.facegate.models.evaluation.GroundTruthFormats;
import dev.facegate.models.evaluation.GroundTruthImage;
import dev.facegate.models.geometry.Box;
import dev.facegate.models.geometry.Point;
import dev.facegate.models.image.ImageDecoder;
import dev.facegate.models.image.RgbImage;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The detector on real photos, MXNet engine, default settings (minimum face 40 px). */
class FaceDetectorTest {

  /** face-api.js's expected boxes on faces.jpg (x, y, w, h), from its test suite. */
  private static final double[][] FACEAPI_BOXES = {
    {70, 21, 112, 112}, {36, 250, 133, 132}, {221, 43, 112, 111},
    {247, 231, 106, 107}, {566, 67, 104, 104}, {451, 176, 122, 122}
  };

  private static FaceDetector detector;
  private static final ImageDecoder DECODER = ImageDecoder.newInstance();

  @BeforeAll
  static void load() {
    detector = FaceDetector.builder().build();
  }

  @AfterAll
  static void close() {
    detector.close();
  }

  private static RgbImage photo(String relative) throws IOException {
    return DECODER.decodeRgb(TestFaces.file(relative));
  }

  /**
   * face-api.js squares its final boxes and feeds the networks BGR; we keep the original's
   * rectangular boxes and feed RGB, which gave better recall and landmarks (README, Detection). So
   * the squares of our boxes are compared: same centre within 5 px, side within 12 %.
   */
  @Test
  void findsTheSixFacesOfFacesJpgWhereFaceApiJsDoes() throws IOException {
    List<FaceDetection> faces = detector.detect(photo("faceapijs/test_images/faces.jpg"));

    // Not a knife-edge count: the six score above 0.998; with every stage threshold lowered to 0.3
    // the next candidate scores 0.84, so rounding differences between CPUs cannot add or drop one.
    assertThat(faces).hasSize(6);
    for (double[] e : FACEAPI_BOXES) {
      Box expected = Box.ofSize(e[0], e[1], e[2], e[3]);
      Box match =
          faces.stream()
              .map(f -> Cascade.square(f.box()))
              .max((a, b) -> Double.compare(a.iou(expected), b.iou(expected)))
              .orElseThrow();
      assertThat(centre(match).x())
          .as("centre x of %s", expected)
          .isCloseTo(cx(expected), within(5.0));
      assertThat(centre(match).y())
          .as("centre y of %s", expected)
          .isCloseTo(cy(expected), within(5.0));
      assertThat(match.width() / expected.width()).as("side of %s", expected).isBetween(0.88, 1.12);
    }
    assertThat(faces).allSatisfy(f -> assertThat(f.score()).isGreaterThan(0.99f));
    assertThat(faces).isSortedAccordingTo(Cascade.OUTPUT_ORDER);
  }

  @Test
  void recallOnDlibTestingFacesOfAtLeast40Pixels() throws IOException {
    DetectionMetrics m = new DetectionMetrics(0.5, 40);
    for (GroundTruthImage g :
        GroundTruthFormats.readImglabXml(TestFaces.file("dlib_faces/testing.xml"))) {
      List<FaceDetection> faces = detector.detect(DECODER.decodeRgb(g.image()));
      m.add(
          g.faces(),
          faces.stream().map(f -> new DetectionMetrics.Detected(f.box(), f.score())).toList());
    }
    assertThat(m.images()).isEqualTo(5);
    assertThat(m.positives()).isGreaterThanOrEqualTo(10);
    assertThat(m.recall()).isGreaterThanOrEqualTo(0.9);
    assertThat(m.precision()).isGreaterThanOrEqualTo(0.9);
  }

  @Test
  void findsNoFaceOnDogs() throws IOException {
    assertThat(detector.detect(photo("dlib_faces/dogs.jpg"))).isEmpty();
  }

  @Test
  void landmarksLieInsideTheirBoxesInTheDocumentedOrder() throws IOException {
    List<FaceDetection> faces =
        new ArrayList<>(detector.detect(photo("faceapijs/test_images/faces.jpg")));
    faces.addAll(detector.detect(photo("dlib_faces/2008_002506.jpg")));
    assertThat(faces).hasSizeGreaterThanOrEqualTo(9);
    for (FaceDetection f : faces) {
      assertThat(f.landmarks()).allSatisfy(p -> assertThat(f.box().contains(p)).isTrue());
      Point le = f.landmark(Landmark.LEFT_EYE);
      Point re = f.landmark(Landmark.RIGHT_EYE);
      Point nose = f.landmark(Landmark.NOSE);
      Point lm = f.landmark(Landmark.LEFT_MOUTH);
      Point rm = f.landmark(Landmark.RIGHT_MOUTH);
      assertThat(le.x()).isLessThan(re.x());
      assertThat(lm.x()).isLessThan(rm.x());
      assertThat(nose.y()).isGreaterThan(Math.max(le.y(), re.y()));
      assertThat(Math.min(lm.y(), rm.y())).isGreaterThan(nose.y());
    }
  }

  /**
   * The original landmark rule puts the points on the features: against dlib's hand-placed 68-point
   * landmarks (eye centres, nose tip, mouth corners) the mean error is small relative to the
   * distance between the eyes. (face-api.js's rule, relative to the regressed box, is worse.)
   */
  @Test
  void landmarksAgreeWithDlibsHandLabelledPoints() throws IOException {
    double sum = 0;
    int n = 0;
    for (LabelledFace face :
        LabelledFace.read(TestFaces.file("dlib_faces/testing_with_face_landmarks.xml"))) {
      List<FaceDetection> faces = detector.detect(DECODER.decodeRgb(face.image()));
      FaceDetection best =
          faces.stream()
              .max((a, b) -> Double.compare(a.box().iou(face.box()), b.box().iou(face.box())))
              .orElse(null);
      if (best == null || best.box().iou(face.box()) < 0.3) {
        continue; // a face below the minimum size; recall is tested elsewhere
      }
      double err = 0;
      for (Landmark l : Landmark.values()) {
        Point p = best.landmark(l);
        Point q = face.points().get(l.ordinal());
        err += Math.hypot(p.x() - q.x(), p.y() - q.y());
      }
      sum += err / 5 / face.interocular();
      n++;
    }
    assertThat(n).isGreaterThanOrEqualTo(10);
    assertThat(sum / n).as("mean error / inter-ocular distance").isLessThan(0.08);
  }

  @Test
  void acceptsGrayImages() throws IOException {
    byte[] jpeg = Files.readAllBytes(TestFaces.file("faceapijs/test_images/faces.jpg"));
    BufferedImage color = DECODER.decode(jpeg);
    BufferedImage gray =
        new BufferedImage(color.getWidth(), color.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
    gray.getGraphics().drawImage(color, 0, 0, null);
    assertThat(detector.detect(gray)).hasSizeGreaterThanOrEqualTo(5);
  }

  @Test
  void isSafeForConcurrentCallers() throws Exception {
    RgbImage a = photo("faceapijs/test_images/faces.jpg");
    RgbImage b = photo("dlib_faces/2008_002506.jpg");
    List<FaceDetection> expectedA = detector.detect(a);
    List<FaceDetection> expectedB = detector.detect(b);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        RgbImage img = i % 2 == 0 ? a : b;
        List<FaceDetection> expected = i % 2 == 0 ? expectedA : expectedB;
        results.add(pool.submit(() -> detector.detect(img).equals(expected)));
      }
      for (Future<Boolean> r : results) {
        assertThat(r.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void regressedNmsKeepsTheFacesOfFacesJpg() throws IOException {
    RgbImage image = photo("faceapijs/test_images/faces.jpg");
    List<FaceDetection> original = detector.detect(image);
    try (FaceDetector fast = FaceDetector.builder().optRegressedNms(0.7).build()) {
      List<FaceDetection> faces = fast.detect(image);
      assertThat(faces).hasSize(6);
      for (FaceDetection f : faces) {
        assertThat(original).anySatisfy(o -> assertThat(o.box().iou(f.box())).isGreaterThan(0.8));
      }
    }
    assertThatThrownBy(() -> FaceDetector.builder().optRegressedNms(1.5).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void smallImagesAndClosedDetectorsBehave() {
    // Smaller than the minimum face: no pyramid level, no face, no error.
    assertThat(detector.detect(new RgbImage(30, 30, new byte[30 * 30 * 3]))).isEmpty();
    FaceDetector other = FaceDetector.builder().optMinFaceSize(80).build();
    other.close();
    assertThatThrownBy(() -> other.detect(new RgbImage(100, 100, new byte[100 * 100 * 3])))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> FaceDetector.builder().optMinFaceSize(5).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FaceDetector.builder().optEngine("NoSuchEngine").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NoSuchEngine");
  }

  private static Point centre(Box b) {
    return new Point(cx(b), cy(b));
  }

  private static double cx(Box b) {
    return (b.x1() + b.x2()) / 2;
  }

  private static double cy(Box b) {
    return (b.y1() + b.y2()) / 2;
  }
}
