package dev.facegate.models.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import dev.facegate.models.detection.MtcnnBlocks.Stage;
import dev.facegate.models.detection.SymbolicMtcnn.PreluForm;
import dev.facegate.models.weights.PackagedWeights;
import dev.facegate.models.weights.TfjsWeights;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SymbolicMtcnnTest {

  @Test
  void zeroPaddingKeepsEveryValueAtItsIndex() {
    float[] value = {1, 2, 3, 4, 5, 6};
    long[] shape = {2, 3};
    assertThat(SymbolicMtcnn.zeroPadded(value, shape, new long[] {3, 5}))
        .containsExactly(1, 2, 3, 0, 0, 4, 5, 6, 0, 0, 0, 0, 0, 0, 0);
    assertThat(SymbolicMtcnn.zeroPadded(value, shape, shape)).containsExactly(value);
    assertThatThrownBy(() -> SymbolicMtcnn.zeroPadded(value, shape, new long[] {2, 2}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SymbolicMtcnn.zeroPadded(value, shape, new long[] {6}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * The graphs pad P-Net's 10 and R-Net's 28 channels to oneDNN's blocks with zero filters and
   * write PReLU as ReLU, scalings and a sum; the outputs must still be the imperative network's, up
   * to rounding, in both PReLU forms (the CPU's fused one and the one for other devices). The
   * shipped slopes include negative ones and ones above 1, where a rewrite that assumed a monotonic
   * PReLU, or slopes of at most 1, would fail.
   */
  @Test
  void paddedGraphsComputeTheImperativeNetworks() throws IOException {
    TfjsWeights weights = PackagedWeights.MTCNN.load();
    float lowestSlope = Float.MAX_VALUE;
    float highestSlope = -Float.MAX_VALUE;
    Map<Stage, long[]> paddedConv1 =
        Map.of(
            Stage.PNET, new long[] {16, 3, 3, 3},
            Stage.RNET, new long[] {32, 3, 3, 3},
            Stage.ONET, new long[] {32, 3, 3, 3});
    for (Stage stage : Stage.values()) {
      try (Model imperative = Model.newInstance("i", "MXNet");
          Model symbolic = Model.newInstance("s", "MXNet")) {
        Block block = stage.newBlock();
        imperative.setBlock(block);
        MtcnnBlocks.loadWeights(block, stage, weights, imperative.getNDManager());
        for (var named : block.getParameters()) {
          Parameter p = named.getValue();
          if (named.getKey().endsWith("alpha")) {
            for (float a : p.getArray().toFloatArray()) {
              lowestSlope = Math.min(lowestSlope, a);
              highestSlope = Math.max(highestSlope, a);
            }
          }
        }
        Map<PreluForm, Integer> scalings = new EnumMap<>(PreluForm.class);
        for (PreluForm form : PreluForm.values()) {
          Block graph = SymbolicMtcnn.of(stage, block, symbolic.getNDManager(), form);
          scalings.put(form, graph.getDirectParameters().size());
          NDArray conv1 = graph.getDirectParameters().get("conv1_weight").getArray();
          assertThat(conv1.getShape().getShape()).isEqualTo(paddedConv1.get(stage));
          NDArray extra = conv1.get(realFilters(stage) + ":");
          assertThat(extra.abs().sum().getFloat()).isZero();

          NDManager m = imperative.getNDManager().newSubManager();
          int side = stage == Stage.PNET ? 47 : stage.inputSize();
          NDArray input = m.randomUniform(-1, 1, new Shape(8, 3, side, side));
          NDList expected = block.forward(new ParameterStore(m, false), new NDList(input), false);
          NDList actual =
              graph.forward(
                  new ParameterStore(symbolic.getNDManager(), false), new NDList(input), false);
          assertThat(actual).hasSameSizeAs(expected);
          for (int head = 0; head < expected.size(); head++) {
            assertThat(actual.get(head).getShape()).isEqualTo(expected.get(head).getShape());
            float difference = actual.get(head).sub(expected.get(head)).abs().max().getFloat();
            assertThat(difference).as(stage + " " + form + " head " + head).isLessThan(1e-4f);
          }
          m.close();
        }
        // The fused form has one BatchNorm (four parameters) per PReLU where the other has two.
        assertThat(scalings.get(PreluForm.FUSED_RELU))
            .as(stage + ": parameters of the fused form")
            .isLessThan(scalings.get(PreluForm.SCALED_SUM));
      }
    }
    assertThat(lowestSlope).isNegative();
    assertThat(highestSlope).isGreaterThan(1);
  }

  private static long realFilters(Stage stage) {
    return switch (stage) {
      case PNET -> 10;
      case RNET -> 28;
      case ONET -> 32;
    };
  }
}
