package dev.facegate.models.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.facegate.models.TestFaces;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaceCliTest {

  private record Result(int status, String out, String err) {
    String lastLine() {
      List<String> lines = out.lines().toList();
      return lines.get(lines.size() - 1);
    }
  }

  private static Result run(String... argv) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        FaceCli.run(
            argv,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void detectPrintsOneObjectForOneImageAndWritesAnnotations(@TempDir Path dir) {
    String image = TestFaces.file("faceapijs/test_images/faces.jpg").toString();
    Result r = run("detect", image, "--annotate", dir.toString());

    assertThat(r.status()).as(r.err()).isZero();
    JsonObject json = JsonParser.parseString(r.out()).getAsJsonObject();
    assertThat(json.get("image").getAsString()).isEqualTo(image);
    JsonArray faces = json.getAsJsonArray("faces");
    assertThat(faces).hasSize(6);
    JsonObject face = faces.get(0).getAsJsonObject();
    assertThat(face.getAsJsonArray("box")).hasSize(4);
    assertThat(face.get("score").getAsDouble()).isBetween(0.9, 1.0);
    assertThat(face.getAsJsonArray("landmarks")).hasSize(5);
    assertThat(face.getAsJsonArray("landmarks").get(0).getAsJsonArray()).hasSize(2);
    assertThat(Files.isRegularFile(dir.resolve("faces.jpg.faces.png"))).isTrue();
  }

  @Test
  void detectPrintsAnArrayForSeveralImages() {
    Result r =
        run(
            "detect",
            "--min-face",
            "80",
            TestFaces.file("dlib_faces/dogs.jpg").toString(),
            TestFaces.file("dlib_faces/2008_002506.jpg").toString());
    assertThat(r.status()).as(r.err()).isZero();
    JsonArray all = JsonParser.parseString(r.out()).getAsJsonArray();
    assertThat(all).hasSize(2);
    assertThat(all.get(0).getAsJsonObject().getAsJsonArray("faces")).isEmpty();
    assertThat(all.get(1).getAsJsonObject().getAsJsonArray("faces")).hasSize(3);
  }

  @Test
  void detectEvalPrintsFiguresAndJsonLast() {
    Result r =
        run(
            "detect-eval",
            "--imglab",
            TestFaces.file("dlib_faces/testing.xml").toString(),
            "--json");
    assertThat(r.status()).as(r.err()).isZero();
    JsonObject figures = JsonParser.parseString(r.lastLine()).getAsJsonObject();
    assertThat(figures.get("images").getAsInt()).isEqualTo(5);
    assertThat(figures.get("recall").getAsDouble()).isGreaterThanOrEqualTo(0.9);
    assertThat(figures.get("precision").getAsDouble()).isGreaterThanOrEqualTo(0.9);
    assertThat(figures.get("averagePrecision").getAsDouble()).isGreaterThanOrEqualTo(0.9);
    assertThat(r.out()).contains("recall");
  }

  @Test
  void detectEvalReadsWiderFaceGroundTruth(@TempDir Path dir) throws Exception {
    // The three labelled faces of one dlib photo, written in WIDER FACE's format, plus one face
    // marked invalid (ignored) and an image without faces.
    Path gt =
        Files.writeString(
            dir.resolve("wider_face_val_bbx_gt.txt"),
            """
            2008_002506.jpg
            4
            329 78 109 109 0 0 0 0 0 0
            224 95 91 91 0 0 0 0 0 0
            125 65 90 91 0 0 0 0 0 0
            0 0 30 30 0 0 0 1 0 0
            dogs.jpg
            0
            0 0 0 0 0 0 0 0 0 0
            """);
    Result r =
        run(
            "detect-eval",
            "--wider",
            gt.toString(),
            "--images",
            TestFaces.file("dlib_faces/dogs.jpg").getParent().toString(),
            "--json");
    assertThat(r.status()).as(r.err()).isZero();
    JsonObject figures = JsonParser.parseString(r.lastLine()).getAsJsonObject();
    assertThat(figures.get("images").getAsInt()).isEqualTo(2);
    assertThat(figures.get("faces").getAsInt()).isEqualTo(3);
    assertThat(figures.get("truePositives").getAsInt()).isEqualTo(3);
    assertThat(figures.get("falsePositives").getAsInt()).isZero();
  }

  @Test
  void benchReportsMedianAndP90() {
    Result r =
        run(
            "bench",
            TestFaces.file("faceapijs/test_images/faces.jpg").toString(),
            "--min-face",
            "80",
            "--warmup",
            "0",
            "--json");
    assertThat(r.status()).as(r.err()).isZero();
    JsonObject figures = JsonParser.parseString(r.lastLine()).getAsJsonObject();
    assertThat(figures.get("runs").getAsInt()).isEqualTo(50);
    assertThat(figures.get("faces").getAsInt()).as("counted in the timed runs").isPositive();
    assertThat(figures.get("width").getAsInt()).isEqualTo(640);
    assertThat(figures.get("p90Ms").getAsDouble())
        .isGreaterThanOrEqualTo(figures.get("medianMs").getAsDouble());
    assertThat(figures.get("jitMsDuringRuns").getAsLong()).isNotNegative();
    assertThat(figures.get("gcMsDuringRuns").getAsLong()).isNotNegative();
    assertThat(r.out()).contains("during the timed runs: JIT compilation");
  }

  @Test
  void benchComparesASplitDetectorWithOneThreadOnTheSameFrame() {
    Result r =
        run(
            "bench",
            TestFaces.file("faceapijs/test_images/faces.jpg").toString(),
            "--min-face",
            "80",
            "--warmup",
            "2",
            "--compare-split",
            "--json");
    assertThat(r.status()).as(r.err()).isZero();
    var both = JsonParser.parseString(r.lastLine()).getAsJsonArray();
    assertThat(both.size()).isEqualTo(2);
    JsonObject second = both.get(1).getAsJsonObject();
    assertThat(second.get("split").getAsBoolean()).as("the baseline runs on one thread").isFalse();
    assertThat(both.get(0).getAsJsonObject().get("faces").getAsInt())
        .isEqualTo(second.get("faces").getAsInt())
        .isPositive();
    assertThat(r.out()).contains("split / one thread: median");
    assertThat(run("bench", "x.jpg", "--compare", "--compare-split").status()).isEqualTo(2);
    assertThat(run("bench", "x.jpg", "--split", "maybe").err())
        .contains("--split must be on or off");
  }

  @Test
  void usageErrorsExitWith2AndFailuresWith1(@TempDir Path dir) throws Exception {
    assertThat(run().status()).isEqualTo(2);
    assertThat(run("nope").err()).contains("Unknown command");
    assertThat(run("help", "detect").out()).startsWith("detect IMAGE");
    assertThat(run("detect").status()).isEqualTo(2);
    Result typo = run("detect", "x.jpg", "--min-fase", "40");
    assertThat(typo.status()).isEqualTo(2);
    assertThat(typo.err()).contains("Unknown option --min-fase");
    assertThat(run("bench", "x.jpg", "--runs", "10").err()).contains("at least 50");

    Path text = Files.writeString(dir.resolve("notes.jpg"), "not an image");
    Result bad = run("detect", text.toString());
    assertThat(bad.status()).isEqualTo(1);
    assertThat(bad.err()).contains("Not a supported image format");
  }

  @Test
  void anEngineThatCannotRunIsRefusedUpFrontNamingTheAvailableOnes() {
    String image = TestFaces.file("faceapijs/test_images/faces.jpg").toString();
    Result unknown = run("detect", "--engine", "TensorFlow", image);
    assertThat(unknown.status()).isEqualTo(2);
    assertThat(unknown.err())
        .contains("engine TensorFlow cannot run here", "Engines available: MXNet, PyTorch.");

    // face-cli.jar: PyTorch's engine and JNI jars without its native jar, and DJL offline.
    assumeTrue(System.getenv("PYTORCH_LIBRARY_PATH") == null, "PYTORCH_LIBRARY_PATH is set");
    Thread thread = Thread.currentThread();
    ClassLoader original = thread.getContextClassLoader();
    thread.setContextClassLoader(new Hiding(original, "native/lib/pytorch.properties"));
    try {
      Result r = run("embed", "--engine", "pytorch", image);
      assertThat(r.status()).as(r.err()).isEqualTo(2);
      assertThat(r.err())
          .contains(
              "engine pytorch cannot run here: its native library is not on the class path",
              "Engines available: MXNet.",
              "-cp face-cli.jar:pytorch-native-cpu-",
              "PYTORCH_LIBRARY_PATH")
          .doesNotContain("Offline mode");
    } finally {
      thread.setContextClassLoader(original);
    }
    // Engine names are matched as DJL spells them, whatever the case typed.
    assertThat(run("detect", "--engine", "mxnet", "--min-face", "80", image).status()).isZero();
  }

  /** A class loader that hides one resource, as if its jar were not on the class path. */
  private static final class Hiding extends ClassLoader {
    private final String hidden;

    Hiding(ClassLoader parent, String hidden) {
      super(parent);
      this.hidden = hidden;
    }

    @Override
    public URL getResource(String name) {
      return name.equals(hidden) ? null : super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
      return name.equals(hidden) ? Collections.emptyEnumeration() : super.getResources(name);
    }
  }

  @Test
  void percentileIsNearestRank() {
    double[] v = new double[100];
    for (int i = 0; i < 100; i++) {
      v[i] = i + 1;
    }
    assertThat(BenchCommand.percentile(v, 50)).isEqualTo(50);
    assertThat(BenchCommand.percentile(v, 90)).isEqualTo(90);
    assertThat(BenchCommand.percentile(new double[] {7}, 90)).isEqualTo(7);
  }
}
