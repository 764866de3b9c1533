package dev.facegate.models.liveness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.facegate.models.geometry.Box;
import dev.facegate.models.geometry.Point;
import dev.facegate.models.liveness.ChallengeVerifier.Direction;
import dev.facegate.models.liveness.ChallengeVerifier.Failure;
import dev.facegate.models.liveness.ChallengeVerifier.Frame;
import dev.facegate.models.liveness.ChallengeVerifier.Phase;
import dev.facegate.models.liveness.ChallengeVerifier.Settings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The head-turn challenge on synthetic sequences, 200 ms apart. */
class ChallengeVerifierTest {

  private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

  /** Yaw of a head that turns to its own left to 35 degrees and back. */
  private static final int[] TURN_LEFT = {0, 10, 20, 30, 35, 25, 15, 5, 0};

  @Test
  void aHeadTurningAsAskedAndBackPasses() {
    ChallengeVerifier v = run(Direction.LEFT, head(TURN_LEFT, 0.97));
    assertThat(v.phase()).isEqualTo(Phase.PASSED);
    ChallengeVerifier.Result r = v.outcome().orElseThrow();
    assertThat(r.passed()).isTrue();
    assertThat(r.failure()).isEmpty();
    assertThat(r.peakYawDegrees()).isGreaterThan(25);
    assertThat(r.residual()).isGreaterThan(Settings.DEFAULT.minResidual());
  }

  @Test
  void theRightTurnIsTheMirrorOfTheLeft() {
    int[] right = new int[TURN_LEFT.length];
    for (int i = 0; i < right.length; i++) {
      right[i] = -TURN_LEFT[i];
    }
    assertThat(run(Direction.RIGHT, head(right, 0.97)).phase()).isEqualTo(Phase.PASSED);
    assertThat(failure(run(Direction.LEFT, head(right, 0.97)))).isEqualTo(Failure.WRONG_DIRECTION);
  }

  @Test
  void staysPendingUntilTheHeadComesBack() {
    ChallengeVerifier v = run(Direction.LEFT, head(new int[] {0, 15, 30}, 0.97));
    assertThat(v.isPending()).isTrue();
    assertThat(v.phase()).isEqualTo(Phase.AWAITING_RETURN);
    assertThat(v.deadline()).contains(T0.plus(Duration.ofSeconds(4)));
    ChallengeVerifier expired = v.expireIfDue(T0.plus(Duration.ofSeconds(4)));
    assertThat(failure(expired)).isEqualTo(Failure.TIMED_OUT);
    assertThat(v.expireIfDue(T0.plusMillis(3999)).isPending()).isTrue();
  }

  @Test
  void aFrameAtTheDeadlineEndsItAsTimedOut() {
    List<Frame> slow = head(TURN_LEFT, 0.97);
    List<Frame> late =
        slow.stream()
            .map(
                f ->
                    new Frame(
                        T0.plus(Duration.between(T0, f.at()).multipliedBy(3)),
                        f.landmarks(),
                        f.box(),
                        f.similarity()))
            .toList();
    ChallengeVerifier v = run(Direction.LEFT, late);
    assertThat(failure(v)).isEqualTo(Failure.TIMED_OUT);
    assertThat(v.outcome().orElseThrow().at()).isEqualTo(T0.plus(Duration.ofSeconds(4)));
  }

  @Test
  void aStillFaceTimesOut() {
    ChallengeVerifier v = run(Direction.LEFT, head(new int[] {0, 0, 1, 0, 1, 0}, 0.99));
    assertThat(v.phase()).isEqualTo(Phase.AWAITING_TURN);
    assertThat(failure(v.expireIfDue(T0.plusSeconds(10)))).isEqualTo(Failure.TIMED_OUT);
  }

  @Test
  void anotherFaceFailsOnIdentity() {
    List<Frame> frames = new java.util.ArrayList<>(head(TURN_LEFT, 0.97));
    Frame f = frames.get(3);
    frames.set(3, new Frame(f.at(), f.landmarks(), f.box(), 0.70));
    assertThat(failure(run(Direction.LEFT, frames))).isEqualTo(Failure.IDENTITY_CHANGED);
  }

  @Test
  void aJumpingBoxFailsOnTheTrack() {
    List<Frame> frames = new java.util.ArrayList<>(head(TURN_LEFT, 0.97));
    Frame f = frames.get(4);
    Box b = f.box();
    Box moved = new Box(b.x1() + 2 * b.width(), b.y1(), b.x2() + 2 * b.width(), b.y2());
    frames.set(4, new Frame(f.at(), f.landmarks(), moved, f.similarity()));
    assertThat(failure(run(Direction.LEFT, frames))).isEqualTo(Failure.TRACK_JUMPED);
  }

  @Test
  void aFlatPictureThatFakesTheTurnFailsOnMotion() {
    // Landmarks of a real turn, but each frame is a homography of the first: as if a print of a
    // face whose nose sits where a turned head's would were tilted. The yaw passes, the residual
    // cannot.
    List<Point> start = SyntheticFace.landmarks(0, 0, 0);
    List<Frame> frames = new java.util.ArrayList<>();
    for (int i = 0; i < TURN_LEFT.length; i++) {
      List<Point> target = SyntheticFace.landmarks(TURN_LEFT[i], 0, 0);
      // The best plane motion of the first frame onto this one: four of five points exact.
      Homography h =
          Homography.estimate(
              MotionCheck.toArray(start.subList(0, 5)), MotionCheck.toArray(target));
      List<Point> flat = MotionCheckTest.map(h, start);
      frames.add(frame(i, target.get(2).x() == flat.get(2).x() ? target : flat, 0.97));
    }
    ChallengeVerifier v = run(Direction.LEFT, frames);
    // Either the yaw never passes (a plane keeps the nose on the midline) or the residual fails.
    assertThat(v.phase()).isNotEqualTo(Phase.PASSED);
    ChallengeVerifier after = v.expireIfDue(T0.plusSeconds(10));
    assertThat(failure(after)).isIn(Failure.FLAT_MOTION, Failure.TIMED_OUT);
  }

  @Test
  void aTurnPastTheBoundWithoutParallaxFailsAsFlatMotion() {
    Settings strict = Settings.DEFAULT.withMinResidual(1.0);
    ChallengeVerifier v = ChallengeVerifier.start(strict, Direction.LEFT);
    for (Frame f : head(TURN_LEFT, 0.97)) {
      v = v.withFrame(f);
    }
    assertThat(failure(v)).isEqualTo(Failure.FLAT_MOTION);
  }

  @Test
  void aTurnedArrivalWaitsForAFrontalStart() {
    ChallengeVerifier v = run(Direction.LEFT, head(new int[] {-30, -20, 0, 20, 30, 10, 0}, 0.97));
    assertThat(v.phase()).isEqualTo(Phase.PASSED);
  }

  @Test
  void anEndedChallengeIgnoresLaterFramesAndOldFramesAreRefused() {
    ChallengeVerifier passed = run(Direction.LEFT, head(TURN_LEFT, 0.97));
    Frame late = frame(20, SyntheticFace.landmarks(-40, 0, 0), 0.1);
    assertThat(passed.withFrame(late)).isSameAs(passed);
    ChallengeVerifier pending = run(Direction.LEFT, head(new int[] {0, 10}, 0.97));
    assertThatThrownBy(() -> pending.withFrame(frame(0, SyntheticFace.landmarks(0, 0, 0), 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aFrameOfADetectionCarriesItsBoxAndLandmarks() {
    Frame f = frame(0, SyntheticFace.landmarks(0, 0, 0), 1);
    dev.facegate.models.detection.FaceDetection d =
        new dev.facegate.models.detection.FaceDetection(f.box(), 0.99f, f.landmarks());
    Frame g = Frame.of(T0, d, 0.95);
    assertThat(g.box()).isEqualTo(f.box());
    assertThat(g.landmarks()).isEqualTo(f.landmarks());
    assertThat(g.similarity()).isEqualTo(0.95);
  }

  @Test
  void settingsRefuseNonsense() {
    assertThatThrownBy(() -> Settings.DEFAULT.withYaw(20, 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Settings(10, 20, Duration.ZERO, 0.85, 0.5, 0.02))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Settings.DEFAULT.withMinSimilarity(1.5))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static ChallengeVerifier run(Direction asked, List<Frame> frames) {
    ChallengeVerifier v = ChallengeVerifier.start(Settings.DEFAULT, asked);
    for (Frame f : frames) {
      v = v.withFrame(f);
    }
    return v;
  }

  private static Failure failure(ChallengeVerifier v) {
    return v.outcome().orElseThrow().failure().orElseThrow();
  }

  private static List<Frame> head(int[] yaws, double similarity) {
    List<Frame> out = new java.util.ArrayList<>();
    for (int i = 0; i < yaws.length; i++) {
      out.add(frame(i, SyntheticFace.landmarks(yaws[i], 0, 0), i == 0 ? 1 : similarity));
    }
    return out;
  }

  private static Frame frame(int index, List<Point> lm, double similarity) {
    double minX = lm.stream().mapToDouble(Point::x).min().orElseThrow();
    double maxX = lm.stream().mapToDouble(Point::x).max().orElseThrow();
    double minY = lm.stream().mapToDouble(Point::y).min().orElseThrow();
    double maxY = lm.stream().mapToDouble(Point::y).max().orElseThrow();
    double w = maxX - minX;
    Box box = new Box(minX - 0.4 * w, minY - 0.6 * w, maxX + 0.4 * w, maxY + 0.4 * w);
    return new Frame(T0.plusMillis(200L * index), lm, box, similarity);
  }
}
