package dev.facegate.enrolment.control;

import dev.facegate.models.embedding.FaceEmbedder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The quality gate's limits from configuration (defaults in microprofile-config.properties). */
@ApplicationScoped
public class EnrolmentConfiguration {

  /**
   * The default of {@code facegate.enrolment.min-sharpness}, for tests (the properties file holds
   * it; ConfigurationDefaultsTest keeps the two equal): the lowest Laplacian variance in the centre
   * of a 150 px chip. Measured on the shared portraits (azure_face_samples,
   * face_recognition_ageitgey): sharp photos 176 (a 240p video frame) to 1366; the same photos
   * after a Gaussian blur of sigma 2 px 1 to 87, of sigma 3 px 0 to 32. 40 refuses clearly
   * defocused faces and keeps every sharp one (FaceEngineTest).
   */
  public static final double DEFAULT_MIN_SHARPNESS = 40;

  @Inject
  @ConfigProperty(name = "facegate.enrolment.min-face-size")
  int minFaceSize;

  @Inject
  @ConfigProperty(name = "facegate.enrolment.min-sharpness")
  double minSharpness;

  @Inject
  @ConfigProperty(name = "facegate.enrolment.min-frontalness")
  double minFrontalness;

  /** Defaults to the model's calibrated threshold: what would match at a door is a duplicate. */
  @Inject
  @ConfigProperty(name = "facegate.enrolment.duplicate-similarity")
  Optional<Double> duplicateSimilarity;

  @Produces
  QualityGate qualityGate() {
    return new QualityGate(
        new GateSettings(
            minFaceSize,
            minSharpness,
            minFrontalness,
            duplicateSimilarity.orElseGet(FaceEmbedder::calibratedThreshold)));
  }
}
