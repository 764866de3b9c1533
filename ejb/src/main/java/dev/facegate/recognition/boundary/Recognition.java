package dev.facegate.recognition.boundary;

import dev.facegate.domain.access.Device;
import dev.facegate.domain.access.DeviceKind;
import dev.facegate.domain.attendance.CheckIn;
import dev.facegate.domain.people.Employee;
import dev.facegate.domain.recognition.Candidate;
import dev.facegate.domain.recognition.Decision;
import dev.facegate.domain.recognition.OpenSetPolicy;
import dev.facegate.domain.recognition.Outcome;
import dev.facegate.domain.recognition.RecognitionSettings;
import dev.facegate.enrolment.control.TemplateRepository;
import dev.facegate.index.boundary.FaceIndex;
import dev.facegate.index.entity.FaceMatch;
import dev.facegate.index.entity.TagFilter;
import dev.facegate.people.control.EmployeeRepository;
import dev.facegate.recognition.control.AnalysedFace;
import dev.facegate.recognition.control.CheckInRepository;
import dev.facegate.recognition.control.FaceEngine;
import dev.facegate.recognition.control.PhotoAnalysis;
import dev.facegate.recognition.control.SettingsRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * 1:N recognition of one frame from a kiosk or door: detect, align, embed, search the index, decide
 * open-set (threshold and margin, fused per person), and record exactly one check-in.
 *
 * <p>A frame that is not a readable image is refused before any decision ({@code
 * UnreadableImageException}) and records nothing: there was nothing to decide.
 */
@Stateless
public class Recognition {

  @Inject FaceEngine engine;

  @Inject FaceIndex index;

  @Inject SettingsRepository settings;

  @Inject CheckInRepository checkIns;

  @Inject EmployeeRepository employees;

  @Inject TemplateRepository templates;

  @Inject Clock clock;

  /** Neighbours fetched per probe: enough to see several templates of the best people. */
  @Inject
  @ConfigProperty(name = "facegate.recognition.neighbours", defaultValue = "20")
  int neighbours;

  public RecognitionResult recognise(Device device, byte[] frame) {
    Instant now = clock.instant();
    RecognitionSettings current = settings.current();
    PhotoAnalysis analysis = engine.analyse(frame);
    Decision decision = decide(analysis, current, device.getSite());
    Optional<Employee> employee = decision.personId().flatMap(employees::findById);
    if (decision.outcome() == Outcome.MATCH && employee.isEmpty()) {
      // Erased between the search and now: nobody to match.
      decision = Decision.withoutSearch(Outcome.UNKNOWN, "The matched person no longer exists.");
    }
    boolean match = decision.outcome() == Outcome.MATCH;
    boolean active = employee.map(Employee::isActive).orElse(false);
    boolean duplicate =
        match
            && checkIns.matchedSince(
                employee.get().getId(), now.minusSeconds(current.getDuplicateWindowSeconds()));
    boolean open = match && active && device.getKind() == DeviceKind.DOOR;
    String reason = decision.reason();
    if (match && !active) {
      reason += " The employee is inactive.";
    }
    CheckIn checkIn =
        checkIns.add(
            new CheckIn(
                now,
                device.getId(),
                match ? employee.get().getId() : null,
                decision.outcome(),
                open,
                duplicate,
                boxed(decision.bestScore()),
                boxed(decision.runnerUpScore()),
                reason,
                engine.modelVersion()));
    return new RecognitionResult(
        checkIn.getId(),
        decision.outcome(),
        open,
        duplicate,
        match ? employee.map(Employee::getId) : Optional.empty(),
        match ? employee.map(Employee::getEmployeeNumber) : Optional.empty(),
        match ? employee.map(Employee::getFullName) : Optional.empty(),
        decision.bestScore(),
        decision.runnerUpScore(),
        reason);
  }

  private Decision decide(PhotoAnalysis analysis, RecognitionSettings current, String site) {
    if (analysis.faces().isEmpty()) {
      return Decision.withoutSearch(Outcome.NO_FACE, "No face in the frame.");
    }
    if (analysis.faces().size() > 1) {
      return Decision.withoutSearch(
          Outcome.MULTIPLE_FACES,
          analysis.faces().size() + " faces in the frame; one person at a time.");
    }
    AnalysedFace face = analysis.faces().get(0);
    List<FaceMatch> matches =
        index.nearest(index.model(), face.embedding().vector(), neighbours, TagFilter.NONE);
    // The database is the source of truth: ignore index entries whose template is gone.
    Set<Long> existing =
        new HashSet<>(
            templates.existing(matches.stream().map(m -> Long.parseLong(m.templateId())).toList()));
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

  private static Double boxed(OptionalDouble value) {
    return value.isPresent() ? value.getAsDouble() : null;
  }
}
