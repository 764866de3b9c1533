package dev.facegate.models.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import dev.facegate.models.TestFaces;
import dev.facegate.models.detection.FaceDetection;
import dev.facegate.models.detection.FaceDetector;
import dev.facegate.models.detection.MtcnnBlocks;
import dev.facegate.models.detection.MtcnnBlocks.Stage;
import dev.facegate.models.image.ImageDecoder;
import dev.facegate.models.image.RgbImage;
import dev.facegate.models.weights.PackagedWeights;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trained parameters load into the very blocks the detector and the head trainer build. */
class TrainedParametersTest {

  @Test
  void aSavedPnetLoadsIntoTheDetectorBehindItsSetting(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("pnet.params");
    try (Model m = Model.newInstance("pnet", "MXNet")) {
      Block pnet = MtcnnBlocks.pnet();
      MtcnnBlocks.loadWeights(pnet, Stage.PNET, PackagedWeights.MTCNN.load(), m.getNDManager());
      TrainedParameters.save(pnet, file);
    }
    RgbImage image =
        ImageDecoder.newInstance().decodeRgb(TestFaces.read("faceapijs/test_images/faces.jpg"));
    List<FaceDetection> shipped;
    List<FaceDetection> loaded;
    try (FaceDetector d = FaceDetector.builder().build()) {
      shipped = d.detect(image);
    }
    try (FaceDetector d = FaceDetector.builder().optTrainedParameters(Stage.PNET, file).build()) {
      loaded = d.detect(image);
    }
    // The same parameters through the file: the same engine computes the same numbers.
    assertThat(loaded).hasSize(6).isEqualTo(shipped);
  }

  @Test
  void parametersOfAnotherNetworkAreRefused(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("rnet.params");
    try (Model m = Model.newInstance("rnet", "MXNet")) {
      Block rnet = MtcnnBlocks.rnet();
      MtcnnBlocks.loadWeights(rnet, Stage.RNET, PackagedWeights.MTCNN.load(), m.getNDManager());
      TrainedParameters.save(rnet, file);
    }
    assertThatThrownBy(() -> FaceDetector.builder().optTrainedParameters(Stage.PNET, file).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rnet.params");
  }

  @Test
  void aTrainedHeadRoundTripsThroughItsFile(@TempDir Path dir) throws Exception {
    float[][] x = Clusters.descriptors(4, 6, 7, 0.5);
    int[] y = Clusters.labels(4, 6);
    Path file = dir.resolve("head.params");
    float[][] before;
    try (NDManager m = NDManager.newBaseManager("MXNet")) {
      HeadTrainer.Result r =
          HeadTrainer.builder()
              .setLoss(HeadLoss.COSFACE)
              .optSteps(5)
              .optBatch(4, 3)
              .build()
              .train(m, x, y, s -> {});
      before = EmbeddingHead.embed(r.head(), m, x);
      TrainedParameters.save(r.head(), file);
    }
    try (NDManager m = NDManager.newBaseManager("MXNet")) {
      Block fresh = EmbeddingHead.newInitialisedBlock(m);
      TrainedParameters.load(fresh, m, file);
      assertThat(EmbeddingHead.embed(fresh, m, x)).isDeepEqualTo(before);
    }
  }
}
