package dev.facegate.faces.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Model;
import ai.djl.nn.Block;
import dev.facegate.faces.control.InferenceSettings;
import dev.facegate.faces.entity.PhotoAnalysis;
import dev.facegate.models.TestFaces;
import dev.facegate.models.detection.MtcnnBlocks;
import dev.facegate.models.detection.MtcnnBlocks.Stage;
import dev.facegate.models.training.TrainedParameters;
import dev.facegate.models.weights.PackagedWeights;
import dev.facegate.observability.control.WorkMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code facegate.face.pnet-parameters}: a P-Net parameter file (as {@code face-cli train-pnet}
 * writes) replaces the shipped P-Net in the server's detector, and a file of another network stops
 * the engine from starting instead of detecting with a wrong network.
 */
class TrainedPnetSettingTest {

  @Test
  void theServerDetectsWithAPnetFileGivenInTheSetting(@TempDir Path dir) throws Exception {
    // The shipped P-Net written to a file: detections must be those of the shipped weights.
    Path file = save(MtcnnBlocks.pnet(), Stage.PNET, dir.resolve("pnet.params"));
    byte[] photo = TestFaces.read("faceapijs/test_images/faces.jpg");

    PhotoAnalysis shipped = analyse(Optional.empty(), photo);
    PhotoAnalysis fromFile = analyse(Optional.of(file.toString()), photo);

    assertThat(fromFile.faceCount()).isEqualTo(6).isEqualTo(shipped.faceCount());
    for (int i = 0; i < shipped.faces().size(); i++) {
      assertThat(fromFile.faces().get(i).box()).isEqualTo(shipped.faces().get(i).box());
      assertThat(fromFile.faces().get(i).landmarks()).isEqualTo(shipped.faces().get(i).landmarks());
    }
  }

  @Test
  void aFileOfAnotherNetworkStopsTheEngineFromStarting(@TempDir Path dir) throws Exception {
    Path file = save(MtcnnBlocks.rnet(), Stage.RNET, dir.resolve("rnet.params"));
    FaceAnalysis engine = engine(Optional.of(file.toString()));

    assertThatThrownBy(engine::load).hasMessageContaining("rnet.params");
  }

  private static Path save(Block block, Stage stage, Path file) throws Exception {
    try (Model m = Model.newInstance(stage.name(), "MXNet")) {
      MtcnnBlocks.loadWeights(block, stage, PackagedWeights.MTCNN.load(), m.getNDManager());
      TrainedParameters.save(block, file);
    }
    return file;
  }

  private static PhotoAnalysis analyse(Optional<String> pnet, byte[] photo) throws Exception {
    FaceAnalysis engine = engine(pnet);
    engine.load();
    try {
      return engine.analyse(photo);
    } finally {
      engine.close();
    }
  }

  private static FaceAnalysis engine(Optional<String> pnet) {
    FaceAnalysis engine = new FaceAnalysis();
    engine.engine = "MXNet";
    engine.device = "cpu";
    engine.minFaceSize = 40;
    engine.maxPixels = 40_000_000L;
    engine.cascade = "optimised";
    engine.splitDetections = true;
    engine.thumbnailWidth = 240;
    engine.pnetParameters = pnet;
    engine.maxConcurrent = 0;
    engine.maxQueued = 8;
    engine.queueTimeoutMillis = 2000;
    engine.retryAfterSeconds = 1;
    engine.stalledAfterSeconds = 120;
    engine.metrics = new WorkMetrics(new SimpleMeterRegistry());
    engine.settings = InferenceSettings.inProcess();
    return engine;
  }
}
