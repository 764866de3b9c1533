package dev.facegate.models.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.facegate.models.TestFaces;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code embed}, {@code compare} and {@code verify} commands through the dispatcher. */
class EmbeddingCommandsTest {

  @TempDir Path tmp;

  @Test
  void verifyPrintsTheFiguresAndTheJsonLineLastAndWritesItsFiles() throws Exception {
    Path pairs = attPairs();
    Path out = tmp.resolve("out");

    Result r =
        run(
            "verify",
            "--pairs",
            pairs.toString(),
            "--root",
            TestFaces.dir().resolve("att_orl_faces").toString(),
            "--pad",
            "0.25",
            "--json",
            "--out",
            out.toString());

    assertThat(r.status).as(r.err).isZero();
    assertThat(r.err).contains("detection threads + 1 embedding thread");
    assertThat(r.out).contains("accuracy", "TAR @ FAR 1e-03", "no-face images");
    String last = r.out.strip().lines().reduce((a, b) -> b).orElseThrow();
    JsonObject json = JsonParser.parseString(last).getAsJsonObject();
    for (String key :
        List.of(
            "accuracy",
            "accuracy_std",
            "auc",
            "tar_at_far_1e-3",
            "threshold",
            "no_face_images",
            "strict_accuracy",
            "pairs")) {
      assertThat(json.has(key)).as("JSON key %s in %s", key, last).isTrue();
    }
    assertThat(json.get("pairs").getAsInt()).isEqualTo(24);
    assertThat(json.get("folds").getAsInt()).isEqualTo(2);
    assertThat(json.get("accuracy").getAsDouble()).isGreaterThan(0.9);
    assertThat(Files.readAllLines(out.resolve("pairs.tsv"))).hasSize(25);
    assertThat(out.resolve("roc.png")).isNotEmptyFile();
  }

  /**
   * The stream (default) and the photo-by-photo workers score every pair alike: same faces found,
   * scores equal up to the summation order of a batch.
   */
  @Test
  void verifyScoresThePairsAlikePhotoByPhoto() throws Exception {
    Path pairs = attPairs();
    String root = TestFaces.dir().resolve("att_orl_faces").toString();
    Path streamed = tmp.resolve("streamed");
    Path oneByOne = tmp.resolve("one-by-one");

    Result a =
        run("verify", "--pairs", pairs.toString(), "--root", root, "--out", streamed.toString());
    Result b =
        run(
            "verify",
            "--pairs",
            pairs.toString(),
            "--root",
            root,
            "--photo-by-photo",
            "--out",
            oneByOne.toString());

    assertThat(a.status).as(a.err).isZero();
    assertThat(b.status).as(b.err).isZero();
    assertThat(b.err).contains("workers photo by photo");
    List<String> rowsA = Files.readAllLines(streamed.resolve("pairs.tsv"));
    List<String> rowsB = Files.readAllLines(oneByOne.resolve("pairs.tsv"));
    assertThat(rowsA).hasSameSizeAs(rowsB).hasSize(25);
    List<String> header = List.of(rowsA.get(0).split("\t"));
    assertThat(header).contains("cosine", "l2", "threshold", "faces_detected");
    for (int i = 1; i < rowsA.size(); i++) {
      String[] x = rowsA.get(i).split("\t", -1);
      String[] y = rowsB.get(i).split("\t", -1);
      for (String column : List.of("fold", "label", "image_a", "image_b", "faces_detected")) {
        int c = header.indexOf(column);
        assertThat(x[c]).as("row %d %s", i, column).isEqualTo(y[c]);
      }
      // Scores within a batch's rounding. The fold thresholds and the same/correct verdicts are
      // chosen from the scores and not compared: a rounding could tip a choice between near-ties.
      for (String column : List.of("cosine", "l2")) {
        int c = header.indexOf(column);
        assertThat(Double.parseDouble(x[c]))
            .as("row %d %s", i, column)
            .isCloseTo(Double.parseDouble(y[c]), within(1e-5));
      }
    }
  }

  /** A small AT&T subset in two subject-disjoint folds: s3..s4 against s5..s6. */
  private Path attPairs() throws Exception {
    List<String> lines = new ArrayList<>(List.of("# fold\tlabel\ta\tb"));
    int[][] folds = {{3, 4}, {5, 6}};
    for (int f = 0; f < 2; f++) {
      int s = folds[f][0];
      int t = folds[f][1];
      for (int i = 1; i <= 3; i++) {
        lines.add(
            (f + 1) + "\t1\tpng/s" + s + "/" + i + ".png\tpng/s" + s + "/" + (i + 5) + ".png");
        lines.add(
            (f + 1) + "\t1\tpng/s" + t + "/" + i + ".png\tpng/s" + t + "/" + (i + 5) + ".png");
        lines.add((f + 1) + "\t0\tpng/s" + s + "/" + i + ".png\tpng/s" + t + "/" + i + ".png");
        lines.add(
            (f + 1)
                + "\t0\tpng/s"
                + s
                + "/"
                + (i + 5)
                + ".png\tpng/s"
                + t
                + "/"
                + (i + 5)
                + ".png");
      }
    }
    return Files.write(tmp.resolve("pairs.tsv"), lines);
  }

  @Test
  void verifyReadsLfwPairsTxtWithImagesUnderNameFolders() throws Exception {
    // LFW layout (NAME/NAME_0001.jpg) built from links to the shared photos, never copies.
    Path root = tmp.resolve("lfw");
    link(
        root,
        "Anthony_Hopkins",
        1,
        "facenet_samples/facenet_lfw_color/Anthony_Hopkins/Anthony_Hopkins_0001.jpg");
    link(
        root,
        "Anthony_Hopkins",
        2,
        "facenet_samples/facenet_lfw_color/Anthony_Hopkins/Anthony_Hopkins_0002.jpg");
    link(root, "Kate_Siegel", 1, "facenet_samples/facenet_pytorch/test_images/kate_siegel/1.jpg");
    link(root, "Paul_Rudd", 1, "facenet_samples/facenet_pytorch/test_images/paul_rudd/1.jpg");
    Path pairs =
        Files.write(
            tmp.resolve("pairs.txt"),
            List.of(
                "2\t1",
                "Anthony_Hopkins\t1\t2",
                "Anthony_Hopkins\t1\tKate_Siegel\t1",
                "Anthony_Hopkins\t2\t1",
                "Anthony_Hopkins\t2\tPaul_Rudd\t1"));

    Result r = run("verify", "--pairs", pairs.toString(), "--root", root.toString(), "--json");

    assertThat(r.status).as(r.err).isZero();
    String last = r.out.strip().lines().reduce((a, b) -> b).orElseThrow();
    JsonObject json = JsonParser.parseString(last).getAsJsonObject();
    assertThat(json.get("pairs").getAsInt()).isEqualTo(4);
    assertThat(json.get("folds").getAsInt()).isEqualTo(2);
    assertThat(json.get("folds_from_list").getAsBoolean()).isTrue();
    assertThat(json.get("no_face_images").getAsInt()).isZero();
    assertThat(json.get("auc").getAsDouble()).isEqualTo(1.0);
  }

  private static void link(Path root, String name, int number, String target) throws Exception {
    Path dir = Files.createDirectories(root.resolve(name));
    Files.createSymbolicLink(
        dir.resolve(String.format("%s_%04d.jpg", name, number)),
        TestFaces.file(target).toAbsolutePath());
  }

  @Test
  void compareTellsTheSamePersonFromAnother() throws Exception {
    String dad1 = TestFaces.file("azure_face_samples/Family1-Dad1.jpg").toString();
    String dad2 = TestFaces.file("azure_face_samples/Family1-Dad2.jpg").toString();
    String mom = TestFaces.file("azure_face_samples/Family1-Mom1.jpg").toString();

    Result same = run("compare", dad1, dad2);
    Result other = run("compare", dad1, mom);

    assertThat(same.status).as(same.err).isZero();
    assertThat(JsonParser.parseString(same.out).getAsJsonObject().get("same_person").getAsBoolean())
        .isTrue();
    assertThat(
            JsonParser.parseString(other.out).getAsJsonObject().get("same_person").getAsBoolean())
        .isFalse();
  }

  @Test
  void embedPrintsOneEmbeddingPerFaceAndReportsBadInputClearly() throws Exception {
    Result faces = run("embed", TestFaces.file("faceapijs/test_images/faces.jpg").toString());
    assertThat(faces.status).as(faces.err).isZero();
    JsonObject json = JsonParser.parseString(faces.out).getAsJsonObject();
    assertThat(json.getAsJsonArray("faces")).hasSize(6);
    assertThat(json.getAsJsonArray("faces").get(0).getAsJsonObject().getAsJsonArray("embedding"))
        .hasSize(128);
    assertThat(json.getAsJsonObject("model").get("id").getAsString())
        .isEqualTo("dlib_face_recognition_resnet_model_v1");

    Path junk = Files.writeString(tmp.resolve("junk.jpg"), "not an image");
    Result bad = run("embed", junk.toString());
    assertThat(bad.status).isEqualTo(1);
    assertThat(JsonParser.parseString(bad.out).getAsJsonObject().get("status").getAsString())
        .isEqualTo("undecodable");
  }

  @Test
  void embedReportsQualityAndStopsAtTheFaceLimit() {
    String group = TestFaces.file("azure_face_samples/identification1.jpg").toString();
    Result all = run("embed", group);
    assertThat(all.status).as(all.err).isZero();
    JsonObject json = JsonParser.parseString(all.out).getAsJsonObject();
    assertThat(json.get("face_count").getAsInt()).isEqualTo(4);
    JsonObject quality =
        json.getAsJsonArray("faces").get(0).getAsJsonObject().getAsJsonObject("quality");
    assertThat(quality.get("face_size_px").getAsInt()).isPositive();
    assertThat(quality.get("frontalness").getAsDouble()).isBetween(0.0, 1.0);

    Result limited = run("embed", "--max-faces", "2", group);
    assertThat(limited.status).as(limited.err).isZero();
    JsonObject tooMany = JsonParser.parseString(limited.out).getAsJsonObject();
    assertThat(tooMany.get("status").getAsString()).isEqualTo("too_many_faces");
    assertThat(tooMany.get("face_count").getAsInt()).isEqualTo(4);
    assertThat(tooMany.getAsJsonArray("faces"))
        .hasSize(4)
        .allSatisfy(
            f -> {
              assertThat(f.getAsJsonObject().has("box")).isTrue();
              assertThat(f.getAsJsonObject().getAsJsonArray("landmarks")).hasSize(5);
              assertThat(f.getAsJsonObject().has("embedding")).isFalse();
            });
    assertThat(run("embed", "--max-faces", "-1", group).status).isEqualTo(2);
  }

  private record Result(int status, String out, String err) {}

  private static Result run(String... argv) {
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    int status =
        FaceCli.run(
            argv,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
