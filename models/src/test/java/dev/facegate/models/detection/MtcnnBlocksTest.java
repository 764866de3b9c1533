package dev.facegate.models.detection;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.facegate.models.detection.MtcnnBlocks.Stage;
import dev.facegate.models.geometry.Box;
import dev.facegate.models.geometry.Point;
import dev.facegate.models.weights.PackagedWeights;
import dev.facegate.models.weights.TfjsWeights;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class MtcnnBlocksTest {

  @Test
  void networksHaveTheDocumentedOutputsAndProbabilities() throws IOException {
    TfjsWeights weights = PackagedWeights.MTCNN.load();
    for (Stage stage : Stage.values()) {
      try (Model model = Model.newInstance("t", "MXNet")) {
        Block block = stage.newBlock();
        model.setBlock(block);
        MtcnnBlocks.loadWeights(block, stage, weights, model.getNDManager());
        NDManager m = model.getNDManager().newSubManager();
        int side = stage == Stage.PNET ? 30 : stage.inputSize();
        NDList out =
            block.forward(
                new ParameterStore(m, false),
                new NDList(m.randomUniform(-1, 1, new Shape(2, 3, side, side))),
                false);
        switch (stage) {
          case PNET -> {
            // 30 -> conv 28 -> ceil pool 14 -> conv 12 -> conv 10: cells at stride 2.
            assertThat(out.get(0).getShape()).isEqualTo(new Shape(2, 2, 10, 10));
            assertThat(out.get(1).getShape()).isEqualTo(new Shape(2, 4, 10, 10));
          }
          case RNET -> {
            assertThat(out.get(0).getShape()).isEqualTo(new Shape(2, 2));
            assertThat(out.get(1).getShape()).isEqualTo(new Shape(2, 4));
          }
          case ONET -> {
            assertThat(out.get(0).getShape()).isEqualTo(new Shape(2, 2));
            assertThat(out.get(2).getShape()).isEqualTo(new Shape(2, 10));
          }
        }
        float[] probs = out.get(0).sum(new int[] {1}).toFloatArray();
        for (float p : probs) {
          assertThat(p).isBetween(0.999f, 1.001f);
        }
        m.close();
      }
    }
  }

  @Test
  void pyramidRegressionAndSquaring() {
    MtcnnOptions o = new MtcnnOptions(40, 0.709, new float[] {0.6f, 0.7f, 0.7f}, 0);
    List<Double> scales = Cascade.scales(640, 480, o);
    assertThat(scales.get(0)).isEqualTo(12.0 / 40);
    // The last level still holds a 12 px window: 480 * s >= 12.
    assertThat(480 * scales.get(scales.size() - 1)).isGreaterThanOrEqualTo(12);
    assertThat(480 * scales.get(scales.size() - 1) * 0.709).isLessThan(12);
    assertThat(Cascade.scales(39, 100, o)).isEmpty();

    Box b = Box.ofSize(10, 20, 100, 50);
    Box r = Cascade.regress(b, new float[] {0.25f, -0.5f, 0, 0.5f});
    assertThat(r).isEqualTo(new Box(35, -5, 110, 95));
    assertThat(Cascade.square(b)).isEqualTo(new Box(10, -5, 110, 95));
  }

  @Test
  void outputOrderIsScoreThenLeftEdgeThenTopEdge() {
    FaceDetection best = face(0.9f, 300, 0);
    FaceDetection tieLeft = face(1f, 10, 50);
    FaceDetection tieLeftHigher = face(1f, 10, 5);
    FaceDetection tieRight = face(1f, 200, 0);
    List<FaceDetection> faces = new ArrayList<>(List.of(best, tieRight, tieLeft, tieLeftHigher));
    for (int seed = 0; seed < 5; seed++) {
      Collections.shuffle(faces, new java.util.Random(seed));
      faces.sort(Cascade.OUTPUT_ORDER);
      assertThat(faces).containsExactly(tieLeftHigher, tieLeft, tieRight, best);
    }
  }

  private static FaceDetection face(float score, double x, double y) {
    List<Point> landmarks = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      landmarks.add(new Point(x + 5 + i, y + 5 + i));
    }
    return new FaceDetection(Box.ofSize(x, y, 40, 40), score, landmarks);
  }
}
