package dev.facegate.enrolment.boundary;

import dev.facegate.domain.audit.AuditAction;
import dev.facegate.domain.enrolment.FaceTemplate;
import dev.facegate.domain.enrolment.TemplateQuality;
import dev.facegate.domain.people.Consent;
import dev.facegate.domain.people.Employee;
import dev.facegate.enrolment.control.GateVerdict;
import dev.facegate.enrolment.control.QualityGate;
import dev.facegate.enrolment.control.TemplateRemoval;
import dev.facegate.enrolment.control.TemplateRepository;
import dev.facegate.faces.boundary.FaceEngine;
import dev.facegate.faces.entity.AnalysedFace;
import dev.facegate.faces.entity.PhotoAnalysis;
import dev.facegate.faces.entity.UnreadableImageException;
import dev.facegate.index.boundary.FaceIndex;
import dev.facegate.index.entity.FaceMatch;
import dev.facegate.index.entity.FaceModel;
import dev.facegate.index.entity.IndexedFace;
import dev.facegate.index.entity.TagFilter;
import dev.facegate.observability.control.Stage;
import dev.facegate.observability.control.TimedStage;
import dev.facegate.people.boundary.Employees;
import dev.facegate.platform.InvalidInputException;
import dev.facegate.platform.NotFoundException;
import dev.facegate.platform.Roles;
import dev.facegate.platform.control.AuditLog;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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
@RolesAllowed(Roles.ADMIN)
public class Enrolment {

  /** Neighbours fetched to find the nearest template of ANOTHER person. */
  private static final int DUPLICATE_SEARCH_K = 10;

  @Inject Employees employees;

  @Inject TemplateRepository templates;

  @Inject FaceEngine faces;

  @Inject FaceIndex index;

  @Inject QualityGate gate;

  @Inject TemplateRemoval templateRemoval;

  @Inject AuditLog audit;

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "facegate.enrolment.keep-face-crops")
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
    int removed = templateRemoval.removeAllOf(employee);
    employee.withdrawConsent();
    audit.record(
        AuditAction.CONSENT_WITHDRAWN,
        employee.getEmployeeNumber(),
        "Consent withdrawn; " + removed + " templates deleted.");
  }

  /**
   * Runs one photo through the quality gate and enrols it if it passes: one photo, one unit of
   * work. The template is written to the database and then to the index as the last step of the
   * same transaction, so a verdict that says "accepted" means both hold it, and a refused photo
   * changes nothing. Callers with several photos call this once per photo.
   *
   * @return the verdict, with the photo's oriented size and a small thumbnail for the page
   * @throws ConsentRequiredException if no consent is recorded
   * @throws NotFoundException if there is no such employee
   */
  public PhotoVerdict enrolPhoto(long employeeId, UploadedPhoto photo) {
    Employee employee = employees.get(employeeId);
    if (!employee.hasConsent()) {
      throw new ConsentRequiredException(employee.getEmployeeNumber());
    }
    PhotoAnalysis analysis;
    try {
      analysis = faces.analyseWithThumbnail(photo.content());
    } catch (UnreadableImageException e) {
      Refusal refusal =
          e.kind() == UnreadableImageException.Kind.NOT_AN_IMAGE
              ? Refusal.NOT_AN_IMAGE
              : Refusal.UNREADABLE_IMAGE;
      return PhotoVerdict.refused(photo.fileName(), refusal, e.getMessage(), null);
    }
    Optional<AnalysedFace> single = analysis.singleFace();
    GateVerdict verdict =
        gate.check(analysis, single.flatMap(face -> nearestOtherPerson(face, employee)));
    if (!verdict.passed()) {
      return PhotoVerdict.refused(
          photo.fileName(), verdict.refusal().get(), verdict.detail(), analysis);
    }
    AnalysedFace face = single.orElseThrow();
    FaceTemplate template =
        templates.add(
            new FaceTemplate(
                employee,
                face.embedding().vector(),
                face.embedding().modelId(),
                face.embedding().modelVersion(),
                new TemplateQuality(
                    face.score(),
                    face.quality().faceSizePx(),
                    face.quality().sharpness(),
                    face.quality().frontalness()),
                keepFaceCrops ? face.chip().orElse(null) : null,
                clock.instant()));
    audit.record(
        AuditAction.TEMPLATE_ENROLLED,
        employee.getEmployeeNumber(),
        "Template " + template.getId() + " enrolled (" + template.getModelVersion() + ").");
    // Last step of the transaction: if the index refuses, the database rolls back too.
    index.upsert(indexed(template, employee));
    return PhotoVerdict.accepted(photo.fileName(), template.getId(), verdict.detail(), analysis);
  }

  /**
   * Which of the given templates still exist in the database (the source of truth), for device use
   * cases that must ignore index entries of deleted templates.
   *
   * @param templateIds template ids, as found in the index
   * @return the subset that exists
   */
  @RolesAllowed(Roles.DEVICE)
  @TimedStage(Stage.DATABASE)
  public List<Long> existingTemplates(Collection<Long> templateIds) {
    return templates.existing(templateIds);
  }

  /** The employee's templates, oldest first. */
  @RolesAllowed({Roles.ADMIN, Roles.HR})
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

  private Optional<FaceMatch> nearestOtherPerson(AnalysedFace face, Employee employee) {
    String self = String.valueOf(employee.getId());
    FaceModel probeModel =
        new FaceModel(
            face.embedding().modelId(),
            face.embedding().modelVersion(),
            face.embedding().vector().length);
    return index
        .nearest(probeModel, face.embedding().vector(), DUPLICATE_SEARCH_K, TagFilter.NONE)
        .stream()
        .filter(match -> !match.personId().equals(self))
        .findFirst();
  }

  static IndexedFace indexed(FaceTemplate template, Employee employee) {
    return new IndexedFace(
        String.valueOf(template.getId()),
        String.valueOf(employee.getId()),
        new FaceModel(
            template.getModelId(), template.getModelVersion(), template.getVector().length),
        template.getVector(),
        Map.of("site", employee.getSite(), "department", employee.getDepartment()));
  }

  private Employee employee(long id) {
    return employees.get(id);
  }
}
