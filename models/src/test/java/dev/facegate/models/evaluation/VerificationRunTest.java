package dev.facegate.models.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.facegate.models.embedding.Embedding;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class VerificationRunTest {

  @Test
  void embedsEachImageOnceAndScoresEveryPair() throws Exception {
    Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    VerificationRun run =
        VerificationRun.builder()
            .setRoot(Path.of("/data"))
            .optThreads(2)
            .setEmbedder(
                file -> {
                  String name = file.getFileName().toString();
                  calls.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
                  return switch (name) {
                    case "a1.png", "a2.png" -> ImageEmbedding.detected(unit(1, 0));
                    case "b.png" -> ImageEmbedding.detected(unit(0, 1));
                    case "crop.png" -> ImageEmbedding.fallback(unit(1, 0), "no face");
                    default -> ImageEmbedding.missing("unreadable: " + name);
                  };
                })
            .build();
    List<VerificationPair> pairs =
        List.of(
            new VerificationPair(1, true, "a1.png", "a2.png"),
            new VerificationPair(1, false, "a1.png", "b.png"),
            new VerificationPair(2, true, "a2.png", "crop.png"),
            new VerificationPair(2, false, "b.png", "broken.png"));

    VerificationRun.Outcome outcome = run.run(pairs);

    assertThat(calls).hasSize(5).allSatisfy((name, n) -> assertThat(n.get()).isEqualTo(1));
    List<ScoredPair> s = outcome.scored();
    assertThat(s.get(0).score()).isCloseTo(1, within(1e-6));
    assertThat(s.get(1).score()).isCloseTo(0, within(1e-6));
    assertThat(s.get(2).facesDetected()).isFalse();
    assertThat(s.get(2).score()).isCloseTo(1, within(1e-6));
    assertThat(s.get(3).scored()).isFalse();
    assertThat(outcome.noFaceImages()).isEqualTo(2);
    assertThat(outcome.fallbackImages()).isEqualTo(1);
    assertThat(outcome.unreadableImages()).isEqualTo(1);
  }

  @Test
  void aBatchEmbedderGetsEveryDistinctImageOnceInOneCall() throws Exception {
    List<List<Path>> calls = new ArrayList<>();
    List<Integer> progress = new ArrayList<>();
    VerificationRun run =
        VerificationRun.builder()
            .setRoot(Path.of("/data"))
            .setBatchEmbedder(
                (files, done) -> {
                  calls.add(files);
                  List<ImageEmbedding> out = new ArrayList<>();
                  for (Path f : files) {
                    out.add(
                        f.getFileName().toString().startsWith("a")
                            ? ImageEmbedding.detected(unit(1, 0))
                            : ImageEmbedding.detected(unit(0, 1)));
                    done.accept(out.size());
                  }
                  return out;
                })
            .optProgress(new PrintStream(OutputStream.nullOutputStream()))
            .build();

    VerificationRun.Outcome outcome =
        run.run(
            List.of(
                new VerificationPair(1, true, "a1.png", "a2.png"),
                new VerificationPair(1, false, "a1.png", "b.png")));

    assertThat(calls).hasSize(1);
    assertThat(calls.get(0))
        .containsExactly(Path.of("/data/a1.png"), Path.of("/data/a2.png"), Path.of("/data/b.png"));
    assertThat(outcome.scored().get(0).score()).isCloseTo(1, within(1e-6));
    assertThat(outcome.scored().get(1).score()).isCloseTo(0, within(1e-6));
  }

  @Test
  void aBatchEmbedderThatLosesAnImageIsAnError() {
    VerificationRun run =
        VerificationRun.builder()
            .setRoot(Path.of("/data"))
            .setBatchEmbedder((files, done) -> List.of(ImageEmbedding.detected(unit(1, 0))))
            .build();
    assertThatThrownBy(() -> run.run(List.of(new VerificationPair(1, true, "a.png", "b.png"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("1 results for 2");
  }

  @Test
  void exactlyOneKindOfEmbedderIsSet() {
    assertThatThrownBy(() -> VerificationRun.builder().setRoot(Path.of("/data")).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                VerificationRun.builder()
                    .setRoot(Path.of("/data"))
                    .setEmbedder(f -> ImageEmbedding.missing("x"))
                    .setBatchEmbedder((files, done) -> List.of())
                    .build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Embedding unit(float x, float y) {
    return Embedding.normalised(new float[] {x, y}, "test", "1");
  }
}
