package dev.facegate.access.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facegate.domain.attendance.LivenessCheck;
import dev.facegate.domain.recognition.Decision;
import dev.facegate.domain.recognition.Outcome;
import dev.facegate.recognition.boundary.Identification;
import dev.facegate.recognition.boundary.Identification.FaceInFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BurstLivenessTest {

  /** Eyes, nose tip, mouth corners of an average face, eye distance 1; z towards the camera. */
  private static final double[][] FACE = {
    {-0.5, 0, 0}, {0.5, 0, 0}, {0, 0.55, 0.52}, {-0.4, 1.05, 0}, {0.4, 1.05, 0}
  };

  private static final float[] PERSON = {1, 0, 0, 0};
  private static final float[] OTHER = {0, 1, 0, 0};

  @Test
  void aHeadTurningPasses() {
    List<Identification> burst = burst(true, PERSON, 0, 8, 16, 24);

    BurstLiveness.Judgement j = BurstLiveness.judge(burst, burst.get(0), 0.06, 0.9);

    assertThat(j.result()).as(j.reason()).isEqualTo(LivenessCheck.PASSED);
    assertThat(j.residual()).isGreaterThan(0.06);
    assertThat(j.faces()).isEqualTo(4);
  }

  @Test
  void aFlatPictureTurnedTheSameWayFailsAsFlatMotion() {
    List<Identification> burst = burst(false, PERSON, 0, 8, 16, 24);

    BurstLiveness.Judgement j = BurstLiveness.judge(burst, burst.get(0), 0.06, 0.9);

    assertThat(j.result()).isEqualTo(LivenessCheck.FAILED);
    assertThat(j.reason()).startsWith("FLAT_MOTION");
    assertThat(j.residual()).isLessThan(0.01);
  }

  @Test
  void aHeadThatKeepsStillCannotBeToldFromAPicture() {
    List<Identification> burst = burst(true, PERSON, 0, 0, 0);

    assertThat(BurstLiveness.judge(burst, burst.get(0), 0.06, 0.9).passed()).isFalse();
  }

  @Test
  void anotherFaceInTheBurstFailsOnIdentity() {
    List<Identification> burst = new ArrayList<>(burst(true, PERSON, 0, 8));
    burst.addAll(burst(true, OTHER, 16, 24));

    BurstLiveness.Judgement j = BurstLiveness.judge(burst, burst.get(0), 0.06, 0.9);

    assertThat(j.result()).isEqualTo(LivenessCheck.FAILED);
    assertThat(j.reason()).startsWith("IDENTITY_CHANGED");
  }

  @Test
  void fewerThanTwoFramesWithAFaceFail() {
    List<Identification> burst = new ArrayList<>(burst(true, PERSON, 0));
    burst.add(noFace());
    burst.add(noFace());

    BurstLiveness.Judgement j = BurstLiveness.judge(burst, burst.get(0), 0.06, 0.9);

    assertThat(j.result()).isEqualTo(LivenessCheck.FAILED);
    assertThat(j.reason()).startsWith("TOO_FEW_FACES").contains("1 of the burst's 3");
  }

  /** Frames of the face turned about the vertical axis by each angle; flat = a printed photo. */
  private static List<Identification> burst(boolean head, float[] who, double... degrees) {
    List<Identification> frames = new ArrayList<>();
    for (double d : degrees) {
      double a = Math.toRadians(d);
      List<FaceInFrame.Landmark> points = new ArrayList<>();
      for (double[] p : FACE) {
        double z = head ? p[2] : 0;
        double x = p[0] * Math.cos(a) + z * Math.sin(a);
        points.add(new FaceInFrame.Landmark(320 + 60 * x, 200 + 60 * p[1]));
      }
      frames.add(
          new Identification(
              Decision.withoutSearch(Outcome.UNKNOWN, "test"),
              Optional.empty(),
              60,
              "test",
              Optional.of(new FaceInFrame(270, 170, 100, 120, points)),
              640,
              480,
              Optional.of(new Identification.Probe(who))));
    }
    return frames;
  }

  private static Identification noFace() {
    return new Identification(
        Decision.withoutSearch(Outcome.NO_FACE, "none"),
        Optional.empty(),
        60,
        "test",
        Optional.empty(),
        640,
        480,
        Optional.empty());
  }
}
