package dev.facegate.models.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facegate.models.TestFaces;
import dev.facegate.models.training.mining.SampleDataset;
import dev.facegate.models.training.mining.SampleKind;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MineSamplesCommandTest {

  private static int run(String... argv) {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    PrintStream s = new PrintStream(sink, true, StandardCharsets.UTF_8);
    return FaceCli.run(argv, s, s);
  }

  @Test
  void minesBalancedTwelvePixelCropsFromImglabLandmarks(@TempDir Path dir) throws Exception {
    String xml = TestFaces.file("dlib_faces/training_with_face_landmarks.xml").toString();
    int status = run("mine-samples", "--imglab", xml, "--out", dir.toString(), "--size", "12");
    assertThat(status).isZero();
    List<SampleDataset.Entry> entries = SampleDataset.read(dir);
    Map<SampleKind, Long> n =
        entries.stream()
            .collect(Collectors.groupingBy(SampleDataset.Entry::kind, Collectors.counting()));
    long k = n.get(SampleKind.POSITIVE);
    assertThat(k).isPositive();
    assertThat(n)
        .containsEntry(SampleKind.NEGATIVE, 3 * k)
        .containsEntry(SampleKind.PART, k)
        .containsEntry(SampleKind.LANDMARK, 2 * k);
    BufferedImage crop = ImageIO.read(entries.get(0).file().toFile());
    assertThat(crop.getWidth()).isEqualTo(12);
    assertThat(crop.getHeight()).isEqualTo(12);
    assertThat(Files.readAllLines(dir.resolve("counts.tsv"))).contains("positive\t" + k);
  }

  @Test
  void hardSamplesComeFromThePreviousStage(@TempDir Path dir) throws Exception {
    String xml = TestFaces.file("dlib_faces/training.xml").toString();
    // No random negatives and no shifted crops: every sample is a P-Net candidate.
    int status =
        run(
            "mine-samples",
            "--imglab",
            xml,
            "--out",
            dir.toString(),
            "--size",
            "24",
            "--hard",
            "--negatives",
            "0",
            "--crops-per-face",
            "0",
            "--ratio",
            "1:1:1:0",
            "--min-face",
            "20");
    assertThat(status).isZero();
    Map<SampleKind, Long> n =
        SampleDataset.read(dir).stream()
            .collect(Collectors.groupingBy(SampleDataset.Entry::kind, Collectors.counting()));
    // P-Net's candidates on 4 photos with 18 faces include both its hits and its false positives.
    assertThat(n.get(SampleKind.POSITIVE)).isPositive();
    assertThat(n.get(SampleKind.NEGATIVE)).isEqualTo(n.get(SampleKind.POSITIVE));
  }

  @Test
  void aPnetTrainedFromMinedCropsLoadsIntoTheDetector(@TempDir Path dir) throws Exception {
    String xml = TestFaces.file("dlib_faces/training_with_face_landmarks.xml").toString();
    Path train = dir.resolve("train");
    assertThat(
            run(
                "mine-samples",
                "--imglab",
                xml,
                "--out",
                train.toString(),
                "--negatives",
                "30",
                "--crops-per-face",
                "10"))
        .isZero();
    Path out = dir.resolve("pnet");
    ByteArrayOutputStream table = new ByteArrayOutputStream();
    int status =
        FaceCli.run(
            new String[] {
              "train-pnet",
              "--train",
              train.toString(),
              "--test",
              train.toString(),
              "--epochs",
              "2",
              "--out",
              out.toString()
            },
            new PrintStream(table, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    assertThat(status).isZero();
    assertThat(table.toString(StandardCharsets.UTF_8))
        .contains("| trained from scratch |")
        .contains("| shipped (MTCNN) |");
    assertThat(out.resolve("loss-pnet.png")).isRegularFile();
    String image = TestFaces.file("faceapijs/test_images/faces.jpg").toString();
    // Two epochs on a few hundred crops make a poor P-Net; the point is that it loads and runs.
    assertThat(run("detect", image, "--pnet-params", out.resolve("pnet.params").toString()))
        .isZero();
  }
}
