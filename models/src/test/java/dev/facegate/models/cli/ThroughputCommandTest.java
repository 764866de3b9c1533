package dev.facegate.models.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.facegate.models.TestFaces;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code throughput} command through the dispatcher, on a few tight crops. */
class ThroughputCommandTest {

  @TempDir Path tmp;

  @Test
  void timesBothPathsOnTheSamePhotosAndPrintsTheirFiguresAndAgreement() throws Exception {
    // A folder (searched recursively, non-images skipped) and a single file.
    Path folder = Files.createDirectories(tmp.resolve("crops/s8"));
    for (int i = 1; i <= 3; i++) {
      Files.copy(TestFaces.file("att_orl_faces/png/s8/" + i + ".png"), folder.resolve(i + ".png"));
    }
    Files.writeString(folder.resolve("notes.txt"), "not a photo");

    Result r =
        run(
            "throughput",
            tmp.resolve("crops").toString(),
            TestFaces.file("faceapijs/test_images/faces.jpg").toString(),
            "--rounds",
            "1",
            "--batch",
            "4",
            "--json");

    assertThat(r.status).as(r.err).isZero();
    assertThat(r.out).contains("photos per CPU-second", "new / old", "agreement: 4 of 4 photos");
    String last = r.out.strip().lines().reduce((a, b) -> b).orElseThrow();
    JsonObject json = JsonParser.parseString(last).getAsJsonObject();
    assertThat(json.get("photos").getAsInt()).isEqualTo(4);
    assertThat(json.get("sameStatusAndFaceCount").getAsInt()).isEqualTo(4);
    assertThat(json.get("maxEmbeddingL2Difference").getAsDouble()).isLessThan(1e-4);
    for (String mode : List.of("old", "new")) {
      JsonObject m = json.getAsJsonObject(mode);
      assertThat(m.get("photosPerCpuSecond").getAsDouble()).isPositive();
      assertThat(m.get("medianWallSeconds").getAsDouble()).isPositive();
      assertThat(m.getAsJsonArray("roundWallSeconds")).hasSize(1);
    }
    assertThat(json.get("newOverOldPhotosPerCpuSecond").getAsDouble()).isPositive();
  }

  @Test
  void refusesMissingPhotosAndEmptyFolders() throws Exception {
    assertThat(run("throughput").status).isEqualTo(2);
    assertThat(run("throughput", tmp.resolve("missing").toString()).status).isEqualTo(2);
    Files.writeString(tmp.resolve("readme.txt"), "no photos here");
    Result empty = run("throughput", tmp.toString());
    assertThat(empty.status).isEqualTo(2);
    assertThat(empty.err).contains("no images found");
    assertThat(run("throughput", tmp.toString(), "--rounds", "0").status).isEqualTo(2);
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
