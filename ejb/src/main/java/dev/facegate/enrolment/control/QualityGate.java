package dev.facegate.enrolment.control;

import static java.util.Objects.requireNonNull;

import dev.facegate.enrolment.boundary.Refusal;
import dev.facegate.faces.entity.AnalysedFace;
import dev.facegate.faces.entity.PhotoAnalysis;
import dev.facegate.index.entity.FaceMatch;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether an analysed photo may become a template, and explains a refusal. Checks run from
 * the cheapest to explain to the most specific: face count, size, sharpness, pose, and finally
 * whether the face already belongs to someone else (a duplicate identity).
 */
public class QualityGate {

  private final GateSettings settings;

  public QualityGate(GateSettings settings) {
    this.settings = requireNonNull(settings, "settings are required");
  }

  /**
   * @param analysis what the face engine found in the photo
   * @param nearestOtherPerson the most similar template of a person other than the one enrolling,
   *     if any is enrolled
   */
  public GateVerdict check(PhotoAnalysis analysis, Optional<FaceMatch> nearestOtherPerson) {
    if (analysis.faceCount() == 0) {
      return GateVerdict.refuse(Refusal.NO_FACE, "No face detected.");
    }
    if (analysis.faceCount() > 1) {
      return GateVerdict.refuse(Refusal.MULTIPLE_FACES, analysis.faceCount() + " faces detected.");
    }
    AnalysedFace face = analysis.faces().get(0);
    var quality = face.quality();
    if (quality.faceSizePx() < settings.minFaceSizePx()) {
      return GateVerdict.refuse(
          Refusal.FACE_TOO_SMALL,
          format(
              "Face is %d px, at least %d px are needed.",
              quality.faceSizePx(), settings.minFaceSizePx()));
    }
    if (quality.sharpness() < settings.minSharpness()) {
      return GateVerdict.refuse(
          Refusal.TOO_BLURRY,
          format(
              "Sharpness %.1f, at least %.1f is needed.",
              quality.sharpness(), settings.minSharpness()));
    }
    if (quality.frontalness() < settings.minFrontalness()) {
      return GateVerdict.refuse(
          Refusal.NOT_FRONTAL,
          format(
              "Frontalness %.2f, at least %.2f is needed.",
              quality.frontalness(), settings.minFrontalness()));
    }
    if (nearestOtherPerson.isPresent()
        && nearestOtherPerson.get().similarity() >= settings.duplicateSimilarity()) {
      return GateVerdict.refuse(
          Refusal.DUPLICATE_IDENTITY,
          format(
              "Similarity %.3f to another enrolled person reaches %.3f.",
              nearestOtherPerson.get().similarity(), settings.duplicateSimilarity()));
    }
    return GateVerdict.pass(
        format(
            "Face %d px, sharpness %.1f, frontalness %.2f.",
            quality.faceSizePx(), quality.sharpness(), quality.frontalness()));
  }

  private static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
