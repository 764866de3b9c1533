package dev.facegate.models.liveness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facegate.models.geometry.Point;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The passive check on synthetic landmarks: a flat picture versus a turning head. */
class MotionCheckTest {

  @Test
  void aPictureMovedByAnyHomographyLeavesNoResidual() {
    List<Point> frontal = SyntheticFace.landmarks(0, 0, 0);
    Homography tilt = Homography.of(0.8, 0.1, 30, -0.05, 1.05, 12, 0.0009, 0.0002, 1);
    MotionCheck.Fit fit = MotionCheck.compare(frontal, map(tilt, frontal));
    assertThat(fit.homographyResidual()).isLessThan(1e-6);
    // A similarity cannot follow a perspective tilt: its residual is what the homography removes.
    assertThat(fit.similarityResidual()).isGreaterThan(0.01);
  }

  @Test
  void aPictureOfATurnedFaceMovedBySimilaritiesStaysFlat() {
    List<Point> photo = SyntheticFace.landmarks(15, 5, 0);
    Homography similarity = Homography.of(1.1, -0.2, 40, 0.2, 1.1, -25, 0, 0, 1);
    MotionCheck.Fit fit = MotionCheck.compare(photo, map(similarity, photo));
    assertThat(fit.similarityResidual()).isLessThan(1e-6);
    assertThat(fit.homographyResidual()).isLessThan(1e-6);
    assertThat(Math.abs(fit.yawChangeDegrees())).isLessThan(1e-6);
  }

  @Test
  void aTurningHeadLeavesAClearResidualThatGrowsWithTheTurn() {
    List<Point> frontal = SyntheticFace.landmarks(0, 0, 0);
    double r15 =
        MotionCheck.compare(frontal, SyntheticFace.landmarks(15, 0, 0)).homographyResidual();
    double r30 =
        MotionCheck.compare(frontal, SyntheticFace.landmarks(30, 0, 0)).homographyResidual();
    assertThat(r15).isGreaterThan(0.03);
    assertThat(r30).isGreaterThan(r15 * 1.5);
    MotionCheck.Fit fit = MotionCheck.compare(frontal, SyntheticFace.landmarks(30, 0, 0));
    assertThat(fit.yawChangeDegrees()).isGreaterThan(20);
  }

  @Test
  void aSequenceIsScoredByItsLargestResidual() {
    Random random = new Random(7);
    List<List<Point>> head = new ArrayList<>();
    List<List<Point>> print = new ArrayList<>();
    List<Point> photo = SyntheticFace.landmarks(0, 0, 0);
    for (int yaw = 0; yaw <= 30; yaw += 10) {
      head.add(noisy(SyntheticFace.landmarks(yaw, 0, 0), random, 0.3));
      double k = yaw / 30.0;
      Homography tilt = Homography.of(1 - 0.2 * k, 0, 20 * k, 0, 1, 0, 0.0008 * k, 0, 1);
      print.add(noisy(map(tilt, photo), random, 0.3));
    }
    MotionCheck.Assessment live = MotionCheck.assess(head);
    MotionCheck.Assessment flat = MotionCheck.assess(print);
    assertThat(live.homographyResidual()).isGreaterThan(4 * flat.homographyResidual());
    assertThat(live.looksThreeDimensional(0.03)).isTrue();
    assertThat(flat.looksThreeDimensional(0.03)).isFalse();
    assertThat(live.yawRangeDegrees()).isGreaterThan(20);
    assertThat(live.first()).isNotEqualTo(live.second());
  }

  @Test
  void aSingleFrameHasNoMotion() {
    MotionCheck.Assessment one = MotionCheck.assess(List.of(SyntheticFace.landmarks(0, 0, 0)));
    assertThat(one.homographyResidual()).isZero();
    assertThat(one.looksThreeDimensional(0.001)).isFalse();
  }

  static List<Point> map(Homography h, List<Point> pts) {
    return pts.stream()
        .map(
            p -> {
              double[] q = h.apply(p.x(), p.y());
              return new Point(q[0], q[1]);
            })
        .toList();
  }

  private static List<Point> noisy(List<Point> pts, Random random, double sigma) {
    return pts.stream()
        .map(
            p ->
                new Point(
                    p.x() + sigma * random.nextGaussian(), p.y() + sigma * random.nextGaussian()))
        .toList();
  }
}
