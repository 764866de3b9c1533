package dev.facegate.models.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.facegate.models.TestFaces;
import dev.facegate.models.cli.FaceCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InferenceLockTest {

  @Test
  void onlyMxnetOnNaiveEngineIsSerialised() {
    assertThat(InferenceLock.forEngine("MXNet", "NaiveEngine").serialises()).isTrue();
    assertThat(InferenceLock.forEngine("MXNet", null).serialises()).isFalse();
    assertThat(InferenceLock.forEngine("MXNet", "ThreadedEnginePerDevice").serialises()).isFalse();
    assertThat(InferenceLock.forEngine("PyTorch", "NaiveEngine").serialises()).isFalse();
  }

  @Test
  void aSerialisingLockLetsOneCallerInAtATime() throws Exception {
    InferenceLock first = InferenceLock.forEngine("MXNet", "NaiveEngine");
    InferenceLock second = InferenceLock.forEngine("MXNet", "NaiveEngine"); // the same native lock
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean secondRan = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<?> a =
          pool.submit(
              () ->
                  first.call(
                      () -> {
                        inside.countDown();
                        return release.await(10, TimeUnit.SECONDS);
                      }));
      assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
      Future<?> b = pool.submit(() -> second.call(() -> secondRan.getAndSet(true)));
      Thread.sleep(200);
      assertThat(secondRan).as("second caller entered while the first was inside").isFalse();
      release.countDown();
      a.get(10, TimeUnit.SECONDS);
      b.get(10, TimeUnit.SECONDS);
      assertThat(secondRan).isTrue();
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * The case that returned wrong embeddings in 3 of 6 runs before the lock: {@code verify} with two
   * workers, MXNet on NaiveEngine (a child JVM, because MXNet reads its engine type once per
   * process). Its scores must equal those of this JVM's run on MXNet's default engine.
   */
  @Test
  void twoWorkersOnNaiveEngineScoreAsOneEngineDoes(@TempDir Path tmp) throws Exception {
    Path pairs = attPairs(tmp);
    String[] argv = {
      "verify",
      "--pairs",
      pairs.toString(),
      "--root",
      TestFaces.dir().resolve("att_orl_faces").toString(),
      "--pad",
      "0.25",
      "--threads",
      "2",
      "--json"
    };
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status =
        FaceCli.run(
            argv,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    assertThat(status).isZero();
    JsonObject here = lastJsonLine(out.toString(StandardCharsets.UTF_8));

    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("--enable-native-access=ALL-UNNAMED");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(FaceCli.class.getName());
    command.addAll(List.of(argv));
    ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put(InferenceLock.MXNET_ENGINE_TYPE, "NaiveEngine");
    Process p = pb.start();
    String childOut = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(childOut).isZero();
    JsonObject naive = lastJsonLine(childOut);

    assertThat(naive.get("accuracy").getAsDouble()).isEqualTo(here.get("accuracy").getAsDouble());
    assertThat(naive.get("auc").getAsDouble()).isEqualTo(here.get("auc").getAsDouble());
    assertThat(naive.get("threshold").getAsDouble())
        .isCloseTo(here.get("threshold").getAsDouble(), within(1e-4));
  }

  private static JsonObject lastJsonLine(String out) {
    String last = out.strip().lines().reduce((a, b) -> b).orElseThrow();
    return JsonParser.parseString(last).getAsJsonObject();
  }

  /** 24 AT&T pairs over 24 images of 4 people, in two person-disjoint folds. */
  private static Path attPairs(Path dir) throws Exception {
    List<String> lines = new ArrayList<>(List.of("# fold\tlabel\ta\tb"));
    int[][] folds = {{3, 4}, {5, 6}};
    for (int f = 0; f < 2; f++) {
      int s = folds[f][0];
      int t = folds[f][1];
      for (int i = 1; i <= 3; i++) {
        lines.add(String.format("%d\t1\tpng/s%d/%d.png\tpng/s%d/%d.png", f + 1, s, i, s, i + 5));
        lines.add(String.format("%d\t1\tpng/s%d/%d.png\tpng/s%d/%d.png", f + 1, t, i, t, i + 5));
        lines.add(String.format("%d\t0\tpng/s%d/%d.png\tpng/s%d/%d.png", f + 1, s, i, t, i));
        lines.add(
            String.format("%d\t0\tpng/s%d/%d.png\tpng/s%d/%d.png", f + 1, s, i + 5, t, i + 5));
      }
    }
    return Files.write(dir.resolve("pairs.tsv"), lines);
  }
}
