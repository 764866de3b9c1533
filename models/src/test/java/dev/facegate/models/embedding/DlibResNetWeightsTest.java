package dev.facegate.models.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import dev.facegate.models.weights.PackagedWeights;
import dev.facegate.models.weights.TfjsWeights;
import org.junit.jupiter.api.Test;

class DlibResNetWeightsTest {

  private static final Shape INPUT = new Shape(1, 3, 150, 150);

  @Test
  void theNetworkHasAnOutputOf128AndTakesEveryWeight() throws Exception {
    try (NDManager manager = NDManager.newBaseManager(FaceEmbedder.DEFAULT_ENGINE)) {
      Block net = DlibResNet.block(true);
      net.initialize(manager, DataType.FLOAT32, INPUT);
      assertThat(net.getOutputShapes(new Shape[] {INPUT})[0]).isEqualTo(new Shape(1, 128));
      DlibResNetWeights.load(net, PackagedWeights.FACE_RECOGNITION.load());
    }
  }

  @Test
  void aMismatchedArchitectureFailsLoudly() throws Exception {
    TfjsWeights weights = PackagedWeights.FACE_RECOGNITION.load();
    try (NDManager manager = NDManager.newBaseManager(FaceEmbedder.DEFAULT_ENGINE)) {
      Block truncated = new SequentialBlock().add(DlibResNet.convDown(32, 7, false));
      truncated.initialize(manager, DataType.FLOAT32, INPUT);
      assertThatThrownBy(() -> DlibResNetWeights.load(truncated, weights))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("more weights than the network");

      Block narrow = new SequentialBlock().add(DlibResNet.convDown(16, 7, false));
      narrow.initialize(manager, DataType.FLOAT32, INPUT);
      assertThatThrownBy(() -> DlibResNetWeights.load(narrow, weights))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("conv32_down/conv/filters")
          .hasMessageContaining("does not fit");
    }
  }
}
