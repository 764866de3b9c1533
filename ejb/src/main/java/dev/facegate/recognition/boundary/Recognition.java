package dev.facegate.recognition.boundary;

import dev.facegate.domain.people.Employee;
import dev.facegate.domain.recognition.Candidate;
import dev.facegate.domain.recognition.Decision;
import dev.facegate.domain.recognition.OpenSetPolicy;
import dev.facegate.domain.recognition.Outcome;
import dev.facegate.domain.recognition.RecognitionSettings;
import dev.facegate.enrolment.boundary.Enrolment;
import dev.facegate.faces.boundary.FaceEngine;
import dev.facegate.faces.entity.AnalysedFace;
import dev.facegate.faces.entity.PhotoAnalysis;
import dev.facegate.index.boundary.FaceIndex;
import dev.facegate.index.entity.FaceMatch;
import dev.facegate.index.entity.FaceModel;
import dev.facegate.index.entity.TagFilter;
import dev.facegate.people.boundary.Employees;
import dev.facegate.platform.Roles;
import dev.facegate.recognition.control.SettingsRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * 1:N identification of one frame from a device: detect, align, embed, search the index with the
 * probe's own model, and decide open-set (threshold and margin, fused per person). It records
 * nothing: the device use case that called it applies its rule and writes the check-in in the same
 * transaction.
 *
 * <p>A frame that is not a readable image is refused before any decision ({@code
 * UnreadableImageException}).
 */
@Stateless
@RolesAllowed(Roles.DEVICE)
public class Recognition {

  @Inject FaceEngine faces;

  @Inject FaceIndex index;

  @Inject SettingsRepository settings;

  @Inject Employees employees;

  @Inject Enrolment enrolment;

  /** Neighbours fetched per probe: enough to see several templates of the best people. */
  @Inject
  @ConfigProperty(name = "facegate.recognition.neighbours")
  int neighbours;

  /**
   * Identifies the one person in a frame.
   *
   * @param frame the encoded frame (JPEG or PNG)
   * @param site the device's site, whose thresholds apply
   * @return the decision and, for a MATCH, the person
   * @throws dev.facegate.faces.entity.UnreadableImageException if the frame is not an image
   */
  public Identification identify(byte[] frame, String site) {
    RecognitionSettings current = settings.current();
    // Only one person may stand in front of a door: more faces are refused without embedding any.
    PhotoAnalysis analysis = faces.analyse(frame, 1);
    Decision decision = decide(analysis, current, site);
    Optional<Employee> person = decision.personId().flatMap(employees::findById);
    Optional<Identification.FaceInFrame> face =
        analysis.singleFace().map(f -> Identification.FaceInFrame.of(f.box(), f.landmarks()));
    return new Identification(
        decision,
        person,
        current.getDuplicateWindowSeconds(),
        faces.modelVersion(),
        face,
        analysis.width(),
        analysis.height(),
        analysis.singleFace().map(f -> new Identification.Probe(f.embedding().vector())));
  }

  /** The installation's duplicate window (seconds), for a check-in decided without a frame. */
  public int duplicateWindowSeconds() {
    return settings.current().getDuplicateWindowSeconds();
  }

  /** The embedding model frames are searched with. */
  public String modelVersion() {
    return faces.modelVersion();
  }

  private Decision decide(PhotoAnalysis analysis, RecognitionSettings current, String site) {
    if (analysis.faceCount() == 0) {
      return Decision.withoutSearch(Outcome.NO_FACE, "No face in the frame.");
    }
    if (analysis.faceCount() > 1) {
      return Decision.withoutSearch(
          Outcome.MULTIPLE_FACES,
          analysis.faceCount() + " faces in the frame; one person at a time.");
    }
    AnalysedFace face = analysis.faces().get(0);
    // The probe's own model: the index refuses a vector of another model instead of comparing
    // embeddings that live in different spaces.
    FaceModel probeModel =
        new FaceModel(
            face.embedding().modelId(),
            face.embedding().modelVersion(),
            face.embedding().vector().length);
    List<FaceMatch> matches =
        index.nearest(probeModel, face.embedding().vector(), neighbours, TagFilter.NONE);
    // The database is the source of truth: ignore index entries whose template is gone.
    Set<Long> existing =
        new HashSet<>(
            enrolment.existingTemplates(
                matches.stream().map(m -> Long.parseLong(m.templateId())).toList()));
    List<Candidate> candidates =
        matches.stream()
            .filter(m -> existing.contains(Long.parseLong(m.templateId())))
            .map(
                m ->
                    new Candidate(
                        Long.parseLong(m.personId()),
                        Long.parseLong(m.templateId()),
                        m.similarity()))
            .toList();
    return OpenSetPolicy.decide(candidates, current.thresholdsFor(site));
  }
}
