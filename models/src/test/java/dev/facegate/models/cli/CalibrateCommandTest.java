package dev.facegate.models.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.facegate.models.TestFaces;
import dev.facegate.models.evaluation.GalleryScores;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrateCommandTest {

  private static int run(ByteArrayOutputStream out, ByteArrayOutputStream err, String... argv) {
    return FaceCli.run(
        argv,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void calibratesAFolderOfPersonFoldersAndSaysTheDataIsThin(@TempDir Path gallery)
      throws IOException {
    // Three AT&T people with three photos each: 9 genuine and 27 impostor pairs.
    for (int person = 4; person <= 6; person++) {
      Path folder = Files.createDirectories(gallery.resolve("s" + person));
      for (int photo = 1; photo <= 3; photo++) {
        Files.copy(
            TestFaces.file("att_orl_faces/png/s" + person + "/" + photo + ".png"),
            folder.resolve(photo + ".png"));
      }
    }
    Files.writeString(gallery.resolve("README.txt"), "not a person"); // files at the top: ignored
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status = run(out, err, "calibrate", "--gallery", gallery.toString(), "--threads", "2");

    assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
    JsonObject json =
        JsonParser.parseString(out.toString(StandardCharsets.UTF_8)).getAsJsonObject();
    assertThat(json.get("people").getAsInt()).isEqualTo(3);
    assertThat(json.get("images").getAsInt()).isEqualTo(9);
    assertThat(json.get("templates").getAsInt())
        .isEqualTo(9 - json.get("images_without_face").getAsInt());
    assertThat(json.get("genuine_pairs").getAsLong()).isEqualTo(9);
    assertThat(json.get("impostor_pairs_total").getAsLong()).isEqualTo(27);
    assertThat(json.get("impostor_pairs_sampled").getAsBoolean()).isFalse();
    assertThat(json.get("reliable").getAsBoolean()).isFalse();
    assertThat(json.get("reliability").getAsString()).contains("3 people", "20 needed");
    JsonArray points = json.getAsJsonArray("operating_points");
    assertThat(points).hasSize(5);
    // 27 impostor pairs cannot resolve 1e-2: every row says so.
    for (int i = 0; i < 5; i++) {
      assertThat(points.get(i).getAsJsonObject().get("status").getAsString())
          .isEqualTo("not enough data");
    }
    // Same person: high cosine; different people: lower (the model separates these easily).
    assertThat(json.getAsJsonObject("genuine").get("min").getAsDouble())
        .isGreaterThan(json.getAsJsonObject("impostor").get("median").getAsDouble());
  }

  @Test
  void reportGivesOperatingPointsWithOpenSetRiskWhereTheDataSupportsThem() {
    // 25 people x 2 templates in 2-D on the unit circle: 25 genuine, 1,200 impostor pairs. The
    // uneven spacing keeps impostor scores distinct, so no tie sits on a threshold.
    List<List<float[]>> gallery = new ArrayList<>();
    for (int p = 0; p < 25; p++) {
      double a = p * 0.25 + 0.001 * p * p;
      gallery.add(
          List.of(
              new float[] {(float) Math.cos(a), (float) Math.sin(a)},
              new float[] {(float) Math.cos(a + 0.01), (float) Math.sin(a + 0.01)}));
    }
    GalleryScores scores = GalleryScores.compute(gallery, 1_000_000, 1);

    JsonObject json = CalibrateCommand.report(Path.of("synthetic"), scores, 50, 0);

    assertThat(json.get("reliable").getAsBoolean()).isTrue();
    assertThat(json.has("reliability")).isFalse();
    assertThat(json.get("impostor_pairs_used").getAsLong()).isEqualTo(1200);
    JsonObject at1e2 = json.getAsJsonArray("operating_points").get(0).getAsJsonObject();
    assertThat(at1e2.get("impostor_pairs_accepted").getAsLong()).isEqualTo(12);
    double fmr = at1e2.get("fmr").getAsDouble();
    assertThat(fmr).isCloseTo(0.01, within(1e-12));
    assertThat(at1e2.get("stranger_match_probability").getAsDouble())
        .isCloseTo(1 - Math.pow(1 - fmr, 25), within(1e-12));
    JsonObject at1e3 = json.getAsJsonArray("operating_points").get(1).getAsJsonObject();
    assertThat(at1e3.get("impostor_pairs_accepted").getAsLong()).isEqualTo(1); // 1e-3 of 1,200
    JsonObject at1e4 = json.getAsJsonArray("operating_points").get(2).getAsJsonObject();
    assertThat(at1e4.get("status").getAsString()).isEqualTo("not enough data");
    assertThat(json.getAsJsonObject("at_shipped_threshold").get("threshold").getAsDouble())
        .isEqualTo(0.935);
  }

  @Test
  void refusesAMissingGalleryAsWrongUsage(@TempDir Path empty) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertThat(run(out, err, "calibrate")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--gallery is required");
    assertThat(run(out, err, "calibrate", "--gallery", empty.toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("no person folders");
    assertThat(run(out, err, "calibrate", "--gallery", empty.toString(), "--seed", "x"))
        .isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--seed must be an integer");
  }
}
