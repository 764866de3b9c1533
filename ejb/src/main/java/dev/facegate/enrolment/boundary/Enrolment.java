package dev.facegate.enrolment.boundary;

import dev.facegate.domain.audit.AuditAction;
import dev.facegate.domain.enrolment.FaceTemplate;
import dev.facegate.domain.enrolment.TemplateQuality;
import dev.facegate.domain.people.Consent;
import dev.facegate.domain.people.Employee;
import dev.facegate.enrolment.control.GateVerdict;
import dev.facegate.enrolment.control.QualityGate;
import dev.facegate.enrolment.control.TemplateRepository;
import dev.facegate.index.boundary.FaceIndex;
import dev.facegate.index.entity.FaceMatch;
import dev.facegate.index.entity.IndexedFace;
import dev.facegate.index.entity.TagFilter;
import dev.facegate.people.control.EmployeeRepository;
import dev.facegate.platform.InvalidInputException;
import dev.facegate.platform.NotFoundException;
import dev.facegate.platform.control.AuditLog;
import dev.facegate.recognition.control.AnalysedFace;
import dev.facegate.recognition.control.FaceEngine;
import dev.facegate.recognition.control.PhotoAnalysis;
import dev.facegate.recognition.control.UnreadableImageException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Biometric enrolment of employees: consent, photos through the quality gate, templates.
 *
 * <p>Database and index as one unit of work: templates are written to the database first, then to
 * the index as the last step of the same transaction. An index failure throws and rolls the
 * database back, so nothing is half-enrolled. The one gap, a database commit failing after the
 * index write, leaves index entries without a template: recognition ignores templates that do not
 * exist in the database, and {@link IndexReconciler} rebuilds the index from the database when the
 * two disagree.
 */
@Stateless
public class Enrolment {

  /** Neighbours fetched to find the nearest template of ANOTHER person. */
  private static final int DUPLICATE_SEARCH_K = 10;

  @Inject EmployeeRepository employees;

  @Inject TemplateRepository templates;

  @Inject FaceEngine engine;

  @Inject FaceIndex index;

  @Inject QualityGate gate;

  @Inject AuditLog audit;

  @Inject Clock clock;

  @Inject
  @org.eclipse.microprofile.config.inject.ConfigProperty(
      name = "facegate.enrolment.keep-face-crops",
      defaultValue = "false")
  boolean keepFaceCrops;

  /**
   * Records the employee's explicit consent to biometric processing.
   *
   * @param noticeVersion the version of the privacy notice the employee was shown
   */
  public Employee recordConsent(long employeeId, String noticeVersion) {
    if (noticeVersion == null || noticeVersion.isBlank() || noticeVersion.length() > 32) {
      throw new InvalidInputException(List.of("noticeVersion must be 1 to 32 characters."));
    }
    Employee employee = employee(employeeId);
    employee.recordConsent(new Consent(clock.instant(), audit.actor(), noticeVersion.strip()));
    audit.record(
        AuditAction.CONSENT_RECORDED,
        employee.getEmployeeNumber(),
        "Consent recorded, notice version " + noticeVersion.strip() + ".");
    return employee;
  }

  /** Withdraws consent and deletes every template of the employee (database and index). */
  public void withdrawConsent(long employeeId) {
    Employee employee = employee(employeeId);
    int removed = removeAllTemplates(employee);
    employee.withdrawConsent();
    audit.record(
        AuditAction.CONSENT_WITHDRAWN,
        employee.getEmployeeNumber(),
        "Consent withdrawn; " + removed + " templates deleted.");
  }

  /**
   * Runs each photo through the quality gate and enrols those that pass.
   *
   * @return one verdict per photo, in order
   * @throws ConsentRequiredException if no consent is recorded
   */
  public List<PhotoVerdict> enrol(long employeeId, List<UploadedPhoto> photos) {
    Employee employee = employee(employeeId);
    if (!employee.hasConsent()) {
      throw new ConsentRequiredException(employee.getEmployeeNumber());
    }
    List<PhotoVerdict> verdicts = new ArrayList<>(photos.size());
    List<IndexedFace> toIndex = new ArrayList<>();
    for (UploadedPhoto photo : photos) {
      PhotoAnalysis analysis;
      try {
        analysis = engine.analyse(photo.content());
      } catch (UnreadableImageException e) {
        Refusal refusal =
            e.kind() == UnreadableImageException.Kind.NOT_AN_IMAGE
                ? Refusal.NOT_AN_IMAGE
                : Refusal.UNREADABLE_IMAGE;
        verdicts.add(PhotoVerdict.refused(photo.fileName(), refusal, e.getMessage(), null));
        continue;
      }
      Optional<AnalysedFace> single =
          analysis.faces().size() == 1 ? Optional.of(analysis.faces().get(0)) : Optional.empty();
      GateVerdict verdict =
          gate.check(analysis, single.flatMap(face -> nearestOtherPerson(face, employee)));
      double[] box = analysis.faces().isEmpty() ? null : analysis.faces().get(0).box().toXywh();
      if (!verdict.passed()) {
        verdicts.add(
            PhotoVerdict.refused(photo.fileName(), verdict.refusal().get(), verdict.detail(), box));
        continue;
      }
      AnalysedFace face = single.get();
      FaceTemplate template =
          templates.add(
              new FaceTemplate(
                  employee,
                  face.embedding().vector(),
                  face.embedding().modelId(),
                  face.embedding().modelVersion(),
                  new TemplateQuality(
                      face.detectionScore(),
                      face.quality().faceSizePx(),
                      face.quality().sharpness(),
                      face.quality().frontalness()),
                  keepFaceCrops ? face.chipPng() : null,
                  clock.instant()));
      toIndex.add(indexed(template, employee));
      audit.record(
          AuditAction.TEMPLATE_ENROLLED,
          employee.getEmployeeNumber(),
          "Template " + template.getId() + " enrolled (" + template.getModelVersion() + ").");
      verdicts.add(
          PhotoVerdict.accepted(photo.fileName(), template.getId(), verdict.detail(), box));
    }
    if (!toIndex.isEmpty()) {
      // Last step of the transaction: if the index refuses, the database rolls back too.
      index.upsertAll(toIndex);
    }
    return verdicts;
  }

  /** The employee's templates, oldest first. */
  public List<FaceTemplate> templates(long employeeId) {
    return templates.findByEmployee(employee(employeeId));
  }

  /** Deletes one template from the database and the index. */
  public void deleteTemplate(long templateId) {
    FaceTemplate template =
        templates
            .findById(templateId)
            .orElseThrow(() -> new NotFoundException("No template with id " + templateId + "."));
    String number = template.getEmployee().getEmployeeNumber();
    templates.remove(template);
    index.deleteTemplate(String.valueOf(templateId));
    audit.record(AuditAction.TEMPLATE_DELETED, number, "Template " + templateId + " deleted.");
  }

  /**
   * Deletes every template of the employee from the index and the database.
   *
   * @return how many templates were deleted
   */
  public int removeAllTemplates(Employee employee) {
    // Index first: if it fails, the database (the source of truth) still has everything.
    index.deletePerson(String.valueOf(employee.getId()));
    return templates.removeAllOf(employee);
  }

  private Optional<FaceMatch> nearestOtherPerson(AnalysedFace face, Employee employee) {
    String self = String.valueOf(employee.getId());
    return index
        .nearest(index.model(), face.embedding().vector(), DUPLICATE_SEARCH_K, TagFilter.NONE)
        .stream()
        .filter(match -> !match.personId().equals(self))
        .findFirst();
  }

  static IndexedFace indexed(FaceTemplate template, Employee employee) {
    return new IndexedFace(
        String.valueOf(template.getId()),
        String.valueOf(employee.getId()),
        new dev.facegate.index.entity.FaceModel(
            template.getModelId(), template.getModelVersion(), template.getVector().length),
        template.getVector(),
        Map.of("site", employee.getSite(), "department", employee.getDepartment()));
  }

  private Employee employee(long id) {
    return employees
        .findById(id)
        .orElseThrow(() -> new NotFoundException("No employee with id " + id + "."));
  }
}
