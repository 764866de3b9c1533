package dev.facegate.models.liveness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.facegate.models.geometry.Point;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Head pose on projected 3-D face points of known pose. */
class HeadPoseTest {

  @Test
  void aFrontalFaceIsFrontal() {
    HeadPose p = HeadPose.of(SyntheticFace.landmarks(0, 0, 0));
    assertThat(p.yawDegrees()).isCloseTo(0, within(1.0));
    assertThat(p.pitchDegrees()).isCloseTo(0, within(4.0));
    assertThat(p.rollDegrees()).isCloseTo(0, within(1.0));
  }

  @Test
  void yawHasTheSignOfTheTurnAndGrowsWithIt() {
    double previous = Double.NEGATIVE_INFINITY;
    for (int yaw = -40; yaw <= 40; yaw += 10) {
      double estimate = HeadPose.of(SyntheticFace.landmarks(yaw, 0, 0)).yawDegrees();
      assertThat(estimate).isGreaterThan(previous + 5);
      // The depth model matches the synthetic face, so the estimate is near the truth.
      assertThat(estimate).isCloseTo(yaw, within(6.0));
      previous = estimate;
    }
    // Turning to one's own left sends the nose to the image's right.
    List<Point> left = SyntheticFace.landmarks(30, 0, 0);
    List<Point> frontal = SyntheticFace.landmarks(0, 0, 0);
    assertThat(left.get(2).x()).isGreaterThan(frontal.get(2).x() + 20);
  }

  @Test
  void pitchHasTheSignOfLookingUp() {
    double up = HeadPose.of(SyntheticFace.landmarks(0, 20, 0)).pitchDegrees();
    double down = HeadPose.of(SyntheticFace.landmarks(0, -20, 0)).pitchDegrees();
    double level = HeadPose.of(SyntheticFace.landmarks(0, 0, 0)).pitchDegrees();
    assertThat(up).isGreaterThan(level + 10);
    assertThat(down).isLessThan(level - 10);
  }

  @Test
  void anUpsideDownFaceKeepsItsYaw() {
    HeadPose p = HeadPose.of(SyntheticFace.landmarks(20, 0, 180));
    assertThat(Math.abs(p.rollDegrees())).isCloseTo(180, within(3.0));
    assertThat(p.yawDegrees())
        .isCloseTo(HeadPose.of(SyntheticFace.landmarks(20, 0, 0)).yawDegrees(), within(1.0));
  }

  @Test
  void rollDoesNotChangeYawOrPitch() {
    HeadPose plain = HeadPose.of(SyntheticFace.landmarks(25, 10, 0));
    HeadPose rolled = HeadPose.of(SyntheticFace.landmarks(25, 10, 30));
    // A turn about the optical axis adds to the eye line's angle; yaw and pitch are measured
    // in the face's own frame and do not move.
    assertThat(rolled.rollDegrees()).isCloseTo(plain.rollDegrees() + 30, within(0.5));
    assertThat(rolled.yawDegrees()).isCloseTo(plain.yawDegrees(), within(1.0));
    assertThat(rolled.pitchDegrees()).isCloseTo(plain.pitchDegrees(), within(1.0));
  }

  @Test
  void aMirroredFaceHasTheOppositeYaw() {
    List<Point> lm = SyntheticFace.landmarks(22, 5, 8);
    HeadPose p = HeadPose.of(lm);
    HeadPose m = HeadPose.of(SyntheticFace.mirrored(lm, 640));
    assertThat(m.yawDegrees()).isCloseTo(-p.yawDegrees(), within(1e-6));
    assertThat(m.pitchDegrees()).isCloseTo(p.pitchDegrees(), within(1e-6));
  }

  @Test
  void refusesWhatIsNotAnUprightFace() {
    // Reflected top to bottom: the mouth above the eyes with the eyes in their usual order.
    List<Point> reflected =
        SyntheticFace.landmarks(0, 0, 0).stream().map(p -> new Point(p.x(), 480 - p.y())).toList();
    assertThatThrownBy(() -> HeadPose.of(reflected)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HeadPose.of(reflected.subList(0, 4)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
