package dev.facegate.web.enrolment;

import dev.facegate.domain.enrolment.FaceTemplate;
import dev.facegate.domain.people.Employee;
import dev.facegate.enrolment.boundary.Enrolment;
import dev.facegate.enrolment.boundary.PhotoVerdict;
import dev.facegate.enrolment.boundary.UploadedPhoto;
import dev.facegate.people.boundary.Employees;
import dev.facegate.platform.BusinessException;
import dev.facegate.web.platform.CurrentUser;
import dev.facegate.web.platform.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;

/** Enrolment of one employee: consent, photos through the quality gate, templates, fallback. */
@Named
@ViewScoped
public class EnrolmentBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The privacy notice version offered by default; the admin can type another. */
  static final String CURRENT_NOTICE = "2026-11";

  @Inject Employees employees;

  @Inject Enrolment enrolment;

  @Inject CurrentUser user;

  private Long employeeId;
  private Employee employee;
  private List<FaceTemplate> templates = List.of();
  private final List<PhotoResult> results = new ArrayList<>();
  private String noticeVersion = CURRENT_NOTICE;
  private boolean noticeShown;
  private String fallbackCredential;

  /** The view action: loads the employee named by the {@code employee} parameter. */
  public String load() {
    if (employeeId == null || employees.findById(employeeId).isEmpty()) {
      Messages.error("That employee does not exist (any more).");
      return "/employees?faces-redirect=true";
    }
    refresh();
    return null;
  }

  private void refresh() {
    employee = employees.get(employeeId);
    templates = enrolment.templates(employeeId);
  }

  public void recordConsent() {
    if (!user.mayWrite("record consent")) {
      return;
    }
    if (!noticeShown) {
      Messages.error("Confirm that the employee was shown the privacy notice and agreed.");
      return;
    }
    try {
      enrolment.recordConsent(employeeId, noticeVersion);
      Messages.info("Consent recorded (privacy notice " + noticeVersion.strip() + ").");
      noticeShown = false;
    } catch (BusinessException e) {
      Messages.error(e);
    }
    refresh();
  }

  public void withdrawConsent() {
    if (!user.mayWrite("withdraw consent")) {
      return;
    }
    try {
      enrolment.withdrawConsent(employeeId);
      Messages.info("Consent withdrawn; all face templates of the employee were deleted.");
    } catch (BusinessException e) {
      Messages.error(e);
    }
    results.clear();
    refresh();
  }

  /** Called once per photo (uploads run one after another). */
  public void upload(FileUploadEvent event) {
    if (!user.mayWrite("enrol photos")) {
      return;
    }
    UploadedFile file = event.getFile();
    byte[] content = file.getContent();
    try {
      PhotoVerdict verdict =
          enrolment.enrolPhoto(employeeId, new UploadedPhoto(file.getFileName(), content));
      results.add(0, PhotoResult.of(verdict));
    } catch (BusinessException e) {
      Messages.error(e);
    }
    refresh();
  }

  public void deleteTemplate(FaceTemplate template) {
    if (!user.mayWrite("delete templates")) {
      return;
    }
    try {
      enrolment.deleteTemplate(template.getId());
      Messages.info("Template " + template.getId() + " deleted.");
    } catch (BusinessException e) {
      Messages.error(e);
    }
    refresh();
  }

  public void issueFallback() {
    if (!user.mayWrite("issue badges or PINs")) {
      return;
    }
    try {
      employees.issueFallbackCredential(
          employeeId, fallbackCredential == null ? null : fallbackCredential.toCharArray());
      Messages.info("Badge/PIN issued. Only its hash is stored; hand it to the employee now.");
    } catch (BusinessException e) {
      Messages.error(e);
    }
    fallbackCredential = null;
    refresh();
  }

  public Long getEmployeeId() {
    return employeeId;
  }

  public void setEmployeeId(Long employeeId) {
    this.employeeId = employeeId;
  }

  public Employee getEmployee() {
    return employee;
  }

  public List<FaceTemplate> getTemplates() {
    return templates;
  }

  public List<PhotoResult> getResults() {
    return results;
  }

  public String getNoticeVersion() {
    return noticeVersion;
  }

  public void setNoticeVersion(String noticeVersion) {
    this.noticeVersion = noticeVersion;
  }

  public boolean isNoticeShown() {
    return noticeShown;
  }

  public void setNoticeShown(boolean noticeShown) {
    this.noticeShown = noticeShown;
  }

  public String getFallbackCredential() {
    return fallbackCredential;
  }

  public void setFallbackCredential(String fallbackCredential) {
    this.fallbackCredential = fallbackCredential;
  }
}
