package dev.facegate.enrolment.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facegate.enrolment.boundary.Refusal;
import dev.facegate.faces.entity.AnalysedFace;
import dev.facegate.faces.entity.PhotoAnalysis;
import dev.facegate.index.entity.FaceMatch;
import dev.facegate.models.geometry.Box;
import dev.facegate.models.quality.FaceQuality;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QualityGateTest {

  private static final QualityGate GATE = new QualityGate(new GateSettings(80, 40, 0.45, 0.93));

  @Test
  void aGoodSingleFacePasses() {
    GateVerdict verdict = GATE.check(photo(face(120, 300, 0.9)), Optional.empty());

    assertThat(verdict.passed()).isTrue();
    assertThat(verdict.detail()).contains("120 px");
  }

  @Test
  void eachRuleRefusesWithItsOwnReason() {
    assertThat(refusal(photo(), Optional.empty())).contains(Refusal.NO_FACE);
    assertThat(refusal(photo(face(120, 300, 0.9), face(100, 300, 0.9)), Optional.empty()))
        .contains(Refusal.MULTIPLE_FACES);
    assertThat(refusal(photo(face(60, 300, 0.9)), Optional.empty()))
        .contains(Refusal.FACE_TOO_SMALL);
    assertThat(refusal(photo(face(120, 5, 0.9)), Optional.empty())).contains(Refusal.TOO_BLURRY);
    assertThat(refusal(photo(face(120, 300, 0.2)), Optional.empty())).contains(Refusal.NOT_FRONTAL);
    assertThat(refusal(photo(face(120, 300, 0.9)), Optional.of(new FaceMatch("9", "42", 0.95))))
        .contains(Refusal.DUPLICATE_IDENTITY);
  }

  @Test
  void anotherPersonBelowTheDuplicateSimilarityIsNoObstacle() {
    assertThat(
            GATE.check(photo(face(120, 300, 0.9)), Optional.of(new FaceMatch("9", "42", 0.80)))
                .passed())
        .isTrue();
  }

  private static Optional<Refusal> refusal(PhotoAnalysis analysis, Optional<FaceMatch> other) {
    return GATE.check(analysis, other).refusal();
  }

  private static PhotoAnalysis photo(AnalysedFace... faces) {
    return new PhotoAnalysis(640, 480, faces.length, List.of(faces), null);
  }

  private static AnalysedFace face(int size, double sharpness, double frontalness) {
    float[] unit = new float[128];
    unit[0] = 1;
    return new AnalysedFace(
        Box.ofSize(10, 10, size, size),
        0.99,
        List.of(),
        new FaceQuality(size, sharpness, frontalness),
        unit,
        "model",
        "1",
        null);
  }
}
