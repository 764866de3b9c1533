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

  @Inject
  @ConfigProperty(name = "facegate.enrolment.min-face-size", defaultValue = "80")
  int minFaceSize;

  @Inject
  @ConfigProperty(name = "facegate.enrolment.min-sharpness", defaultValue = "15")
  double minSharpness;

  @Inject
  @ConfigProperty(name = "facegate.enrolment.min-frontalness", defaultValue = "0.45")
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
