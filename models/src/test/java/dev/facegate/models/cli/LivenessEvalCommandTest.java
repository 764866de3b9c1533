package dev.facegate.models.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.facegate.models.TestFaces;
import dev.facegate.models.image.RgbImage;
import dev.facegate.models.liveness.Homography;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LivenessEvalCommandTest {

  @Test
  void aSmallRunReportsEveryKindAndIsReproducible() {
    String att = TestFaces.dir().resolve("att_orl_faces").toString();
    String[] argv = {"liveness-eval", "--att", att, "--subjects", "2", "--seed", "3", "--json"};
    String first = run(argv);
    String second = run(argv);
    List<String> lines = first.lines().toList();
    assertThat(first).contains("not a certified PAD evaluation");
    JsonObject json = JsonParser.parseString(lines.get(lines.size() - 1)).getAsJsonObject();
    JsonObject counts = json.getAsJsonObject("sequences");
    assertThat(counts.get("A_STILL").getAsInt()).isEqualTo(2);
    assertThat(counts.get("B_MOVED").getAsInt()).isEqualTo(2);
    assertThat(counts.get("C_TILTED").getAsInt()).isEqualTo(2);
    for (String kind : List.of("A_STILL", "B_MOVED", "C_TILTED")) {
      assertThat(json.getAsJsonObject("active").get(kind).getAsDouble()).isBetween(0.0, 1.0);
      assertThat(json.getAsJsonObject("passive").get(kind).getAsDouble()).isBetween(0.0, 1.0);
    }
    assertThat(json.getAsJsonArray("residualSweep")).isNotEmpty();
    // Seeded: the same arguments give the same figures (the run time aside).
    assertThat(withoutTime(second)).isEqualTo(withoutTime(first));
  }

  @Test
  void aPrintTurnedAboutItsVerticalAxisKeepsItsCentreLineAndShrinksTheFarSide() {
    double m = SyntheticCamera.SIZE / 2.0;
    Homography turn = SyntheticCamera.turnedAboutVertical(30, 550);
    double[] top = turn.apply(m, 20);
    assertThat(top[0]).isCloseTo(m, within(1e-9));
    assertThat(top[1]).isCloseTo(20, within(1e-9));
    // Positive angles send the right half away: it shrinks more than the left half grows.
    double right = turn.apply(m + 60, m)[0] - m;
    double left = m - turn.apply(m - 60, m)[0];
    assertThat(right).isLessThan(60 * Math.cos(Math.toRadians(30)));
    assertThat(left).isGreaterThan(right + 5);
  }

  @Test
  void aFlatPrintIsRenderedPixelForPixelAtTheIdentityPlacement() {
    int[] gray = new int[SyntheticCamera.SIZE * SyntheticCamera.SIZE];
    for (int i = 0; i < gray.length; i++) {
      gray[i] = i % 251;
    }
    RgbImage frame =
        SyntheticCamera.render(
            gray,
            SyntheticCamera.SIZE,
            SyntheticCamera.SIZE,
            Homography.of(1, 0, 0, 0, 1, 0, 0, 0, 1),
            0,
            new Random(1));
    assertThat(frame.pixels()[3 * 1000] & 0xff).isEqualTo(1000 % 251);
    assertThat(frame.pixels()[3 * 70001 + 2] & 0xff).isEqualTo(70001 % 251);
  }

  private static String withoutTime(String out) {
    return out.replaceAll("\"seconds\":[0-9.]+", "").replaceAll("(?m)^[0-9.]+ s$", "");
  }

  private static String run(String... argv) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        FaceCli.run(
            argv,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
    return out.toString(StandardCharsets.UTF_8);
  }
}
