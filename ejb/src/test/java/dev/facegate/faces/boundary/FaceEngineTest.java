package dev.facegate.faces.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.facegate.faces.control.InferenceSettings;
import dev.facegate.faces.control.InferenceTopology;
import dev.facegate.faces.control.ScriptedInferenceNode;
import dev.facegate.faces.entity.AnalysedFace;
import dev.facegate.faces.entity.InferenceUnavailableException;
import dev.facegate.faces.entity.PhotoAnalysis;
import dev.facegate.models.alignment.FaceChip;
import dev.facegate.models.embedding.Embedding;
import dev.facegate.models.geometry.Box;
import dev.facegate.models.geometry.Point;
import dev.facegate.models.pipeline.EmbeddedFace;
import dev.facegate.models.quality.FaceQuality;
import dev.facegate.observability.control.WorkMetrics;
import dev.facegate.platform.NodeRole;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.ejb.EJBException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The seam between the business components and the face engine: in-process or remote. */
class FaceEngineTest {

  private static final byte[] PHOTO = {1, 2, 3};

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final LocalEngine local = new LocalEngine();

  @Test
  void withoutInferenceNodesTheEngineRunsInProcessAndNoRemoteStageIsRecorded() {
    FaceEngine engine = engine(InferenceSettings.inProcess());
    engine.connect();

    PhotoAnalysis analysis = engine.analyse(PHOTO, 1);

    assertThat(engine.isRemote()).isFalse();
    assertThat(analysis).isSameAs(local.answer);
    assertThat(local.calls).isEqualTo(1);
    assertThat(engine.answers()).isTrue();
    assertThat(inferenceStage()).isNull();
  }

  @Test
  void withInferenceNodesTheAnalysisComesFromANodeAndTheCallIsTimedAsItsOwnStage() {
    FaceEngine engine = engine(remoteSettings());
    ScriptedInferenceNode node = new ScriptedInferenceNode().answers(local.answer);
    List<Long> timeouts = new ArrayList<>();
    engine.connect(
        timeout -> {
          timeouts.add(timeout);
          return node;
        });

    PhotoAnalysis analysis = engine.analyse(PHOTO, 1);

    assertThat(engine.isRemote()).isTrue();
    assertThat(local.calls).as("nothing is analysed in-process").isZero();
    assertThat(timeouts)
        .as("the analysis proxy, then the readiness proxy")
        .containsExactly(4000L, 700L);
    AnalysedFace face = analysis.faces().get(0);
    AnalysedFace sent = local.answer.faces().get(0);
    assertThat(face.box()).isEqualTo(sent.box());
    assertThat(face.landmarks()).isEqualTo(sent.landmarks());
    assertThat(face.quality()).isEqualTo(sent.quality());
    assertThat(face.embedding()).isEqualTo(sent.embedding());
    assertThat(face.chip()).isEmpty();
    assertThat(inferenceStage().count()).isEqualTo(1);
  }

  @Test
  void aRemoteOutageIsRecordedAsAStageAndReachesTheCallerAsAnUnavailableEngine() {
    FaceEngine engine = engine(remoteSettings());
    ScriptedInferenceNode node =
        new ScriptedInferenceNode()
            .fails(new EJBException("channel closed"))
            .fails(new EJBException("connection refused"));
    engine.connect(timeout -> node);

    assertThatThrownBy(() -> engine.analyse(PHOTO, 1))
        .isInstanceOf(InferenceUnavailableException.class);
    assertThat(inferenceStage().count()).isEqualTo(1);
  }

  @Test
  void thePipelinesFaceBecomesPlainValuesAndItsChipIsKeptOnlyWhenAskedFor() {
    float[] unit = new float[128];
    unit[3] = 1;
    EmbeddedFace face =
        new EmbeddedFace(
            Box.ofSize(10, 20, 100, 120),
            0.98,
            List.of(
                new Point(40, 60),
                new Point(80, 60),
                new Point(60, 80),
                new Point(45, 100),
                new Point(75, 100)),
            new FaceQuality(100, 250.5, 0.9),
            new Embedding(unit, "dlib", "v1"),
            true,
            new FaceChip(2, new float[] {0, 255, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100}));

    AnalysedFace without = AnalysedFace.of(face, false);
    AnalysedFace with = ScriptedInferenceNode.overTheWire(AnalysedFace.of(face, true));

    assertThat(without.chip()).isEmpty();
    assertThat(with.chip().orElseThrow())
        .startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    assertThat(with.box()).isEqualTo(face.box());
    assertThat(with.score()).isEqualTo(0.98);
    assertThat(with.landmarks()).isEqualTo(face.landmarks());
    assertThat(with.quality()).isEqualTo(face.quality());
    assertThat(with.embedding()).isEqualTo(face.embedding());
  }

  private FaceEngine engine(InferenceSettings settings) {
    FaceEngine engine = new FaceEngine();
    engine.local = local;
    engine.settings = settings;
    engine.metrics = new WorkMetrics(registry);
    return engine;
  }

  private static InferenceSettings remoteSettings() {
    return InferenceSettings.of(
        InferenceTopology.of(
            NodeRole.PORTAL,
            Optional.of("inference-1:8080"),
            Optional.of("portal"),
            Optional.of("pw")),
        4000,
        700,
        1);
  }

  private Timer inferenceStage() {
    return registry.find("facegate.decision.stage").tag("stage", "inference").timer();
  }

  /** The in-process engine, without networks: answers one face. */
  private static final class LocalEngine extends FaceAnalysis {
    final PhotoAnalysis answer;
    int calls;

    LocalEngine() {
      float[] unit = new float[128];
      unit[0] = 1;
      answer =
          new PhotoAnalysis(
              640,
              480,
              1,
              List.of(
                  new AnalysedFace(
                      Box.ofSize(100, 80, 200, 220),
                      0.99,
                      List.of(new Point(150, 140)),
                      new FaceQuality(200, 300, 0.8),
                      unit,
                      "dlib",
                      "v1",
                      null)),
              null);
    }

    @Override
    public PhotoAnalysis analyse(byte[] encoded, int maxFaces) {
      calls++;
      return answer;
    }
  }
}
