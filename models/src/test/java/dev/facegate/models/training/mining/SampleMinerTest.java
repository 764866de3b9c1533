package dev.facegate.models.training.mining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.facegate.models.TestFaces;
import dev.facegate.models.evaluation.GroundTruthFormats;
import dev.facegate.models.evaluation.GroundTruthImage;
import dev.facegate.models.geometry.Box;
import dev.facegate.models.geometry.Point;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** IoU bands, targets and the class ratio on a synthetic annotation. */
class SampleMinerTest {

  private static final Box FACE = new Box(60, 50, 120, 120);

  private static final GroundTruthImage PHOTO =
      new GroundTruthImage(
          Path.of("synthetic.png"),
          List.of(
              new GroundTruthImage.Face(
                  FACE,
                  false,
                  List.of(
                      new Point(75, 75),
                      new Point(105, 75),
                      new Point(90, 90),
                      new Point(78, 105),
                      new Point(102, 105)))));

  @Test
  void iouBandsFollowTheMtcnnThresholds() {
    assertThat(SampleKind.ofIou(0.0)).contains(SampleKind.NEGATIVE);
    assertThat(SampleKind.ofIou(0.2999)).contains(SampleKind.NEGATIVE);
    assertThat(SampleKind.ofIou(0.3)).isEmpty();
    assertThat(SampleKind.ofIou(0.3999)).isEmpty();
    assertThat(SampleKind.ofIou(0.4)).contains(SampleKind.PART);
    assertThat(SampleKind.ofIou(0.6499)).contains(SampleKind.PART);
    assertThat(SampleKind.ofIou(0.65)).contains(SampleKind.POSITIVE);
    assertThat(SampleKind.ofIou(1.0)).contains(SampleKind.POSITIVE);
  }

  @Test
  void everySampleLiesInItsBandAndItsTargetsRoundTripToTheFace() {
    List<MinedSample> samples =
        SampleMiner.builder()
            .optNegativesPerImage(40)
            .optCropsPerFace(200)
            .build()
            .mine(PHOTO, 200, 180);
    Map<SampleKind, Long> counts =
        samples.stream().collect(Collectors.groupingBy(MinedSample::kind, Collectors.counting()));
    assertThat(counts.keySet()).containsExactlyInAnyOrder(SampleKind.values());
    for (MinedSample s : samples) {
      Box c = s.crop();
      assertThat(c.width()).isEqualTo(c.height()).isGreaterThanOrEqualTo(12);
      assertThat(c.x1() >= 0 && c.y1() >= 0 && c.x2() <= 200 && c.y2() <= 180)
          .as("%s inside", c)
          .isTrue();
      double iou = c.iou(FACE);
      assertThat(s.iou()).isCloseTo(iou, within(1e-12));
      switch (s.kind()) {
        case NEGATIVE -> assertThat(iou).isLessThan(0.3);
        case PART -> assertThat(iou).isBetween(0.4, 0.65);
        case POSITIVE, LANDMARK -> assertThat(iou).isGreaterThanOrEqualTo(0.65);
      }
      if (s.kind() != SampleKind.NEGATIVE) {
        // float targets: 1e-7 relative of a 100-px crop is well below 1e-3 px.
        Box back = RegressionTargets.applyBox(c, s.boxTarget());
        assertThat(back.x1()).isCloseTo(FACE.x1(), within(1e-3));
        assertThat(back.y1()).isCloseTo(FACE.y1(), within(1e-3));
        assertThat(back.x2()).isCloseTo(FACE.x2(), within(1e-3));
        assertThat(back.y2()).isCloseTo(FACE.y2(), within(1e-3));
      }
      if (s.kind() == SampleKind.LANDMARK) {
        // Left eye (75, 75): x target then y target at indices 0 and 5.
        assertThat(c.x1() + s.landmarkTarget()[0] * c.width()).isCloseTo(75, within(1e-3));
        assertThat(c.y1() + s.landmarkTarget()[5] * c.width()).isCloseTo(75, within(1e-3));
      }
    }
  }

  @Test
  void balanceMixesTheClassesAtTheRatio() {
    SampleMiner miner =
        SampleMiner.builder()
            .optNegativesPerImage(100)
            .optCropsPerFace(300)
            .optRatio(3, 1, 1, 2)
            .build();
    List<MinedSample> balanced = miner.balance(miner.mine(PHOTO, 200, 180));
    Map<SampleKind, Long> n =
        balanced.stream().collect(Collectors.groupingBy(MinedSample::kind, Collectors.counting()));
    long k = n.get(SampleKind.POSITIVE);
    assertThat(k).isPositive();
    assertThat(n)
        .containsEntry(SampleKind.NEGATIVE, 3 * k)
        .containsEntry(SampleKind.PART, k)
        .containsEntry(SampleKind.LANDMARK, 2 * k);
  }

  @Test
  void proposalsAreLabelledByTheirBand() {
    SampleMiner miner = SampleMiner.builder().build();
    Box exact = new Box(60, 55, 120, 115); // IoU 60*60 / (60*70) = 0.857
    Box far = new Box(0, 0, 30, 30);
    Box gap = new Box(90, 50, 150, 110); // IoU 30*60 / (3600 + 4200 - 1800) = 0.3
    List<MinedSample> s = miner.fromProposals(PHOTO, 200, 180, List.of(exact, far, gap));
    Map<Box, SampleKind> kinds =
        s.stream().collect(Collectors.toMap(MinedSample::crop, MinedSample::kind));
    assertThat(kinds)
        .containsEntry(exact, SampleKind.POSITIVE)
        .containsEntry(far, SampleKind.NEGATIVE)
        .hasSize(2);
  }

  @Test
  void imglabLandmarksBecomeFiveMtcnnPoints() throws Exception {
    List<GroundTruthImage> images =
        GroundTruthFormats.readImglabXml(
            TestFaces.file("dlib_faces/training_with_face_landmarks.xml"));
    List<GroundTruthImage.Face> faces = images.stream().flatMap(i -> i.faces().stream()).toList();
    assertThat(faces).hasSize(18);
    for (GroundTruthImage.Face f : faces) {
      assertThat(f.landmarks()).hasSize(5);
      // Eyes above the mouth corners, left eye left of the right eye.
      assertThat(f.landmarks().get(0).y()).isLessThan(f.landmarks().get(3).y());
      assertThat(f.landmarks().get(0).x()).isLessThan(f.landmarks().get(1).x());
    }
  }
}
