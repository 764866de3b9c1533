package dev.facegate.web.people;

import dev.facegate.domain.people.Employee;
import dev.facegate.domain.people.EmploymentStatus;
import dev.facegate.enrolment.boundary.Enrolment;
import dev.facegate.people.boundary.EmployeeDetails;
import dev.facegate.people.boundary.Employees;
import dev.facegate.people.boundary.NewEmployee;
import dev.facegate.platform.BusinessException;
import dev.facegate.web.platform.CurrentUser;
import dev.facegate.web.platform.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.primefaces.PrimeFaces;

/** The employee register: lazy table, registration, edit, deactivate and erase. */
@Named
@ViewScoped
public class EmployeesBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Employees employees;

  @Inject Enrolment enrolment;

  @Inject CurrentUser user;

  private EmployeeLazyModel model;
  private final NewEmployeeForm form = new NewEmployeeForm();
  private Employee selected;
  private int selectedTemplates;
  private String editName;
  private String editDepartment;
  private String editSite;

  @PostConstruct
  void init() {
    model = new EmployeeLazyModel(employees);
  }

  public boolean isMayEdit() {
    return user.isAdmin();
  }

  public void create() {
    if (!user.mayWrite("register employees")) {
      return;
    }
    try {
      Employee created =
          employees.create(
              new NewEmployee(form.getEmployeeNumber(), form.getFullName(), form.getDepartment()));
      Messages.info(
          "Registered " + created.getFullName() + " (" + created.getEmployeeNumber() + ").");
      form.clear();
    } catch (BusinessException e) {
      Messages.error(e);
    }
  }

  /** Picks the employee for the edit or erase dialog. */
  public void select(Employee employee) {
    selected = employees.get(employee.getId());
    selectedTemplates = enrolment.templates(selected.getId()).size();
    editName = selected.getFullName();
    editDepartment = selected.getDepartment();
    editSite = selected.getSite();
  }

  public void saveDetails() {
    if (!user.mayWrite("change employees")) {
      return;
    }
    try {
      Employee changed =
          employees.changeDetails(
              selected.getId(), new EmployeeDetails(editName, editDepartment, editSite));
      Messages.info("Saved " + changed.getFullName() + " (" + changed.getEmployeeNumber() + ").");
      PrimeFaces.current().executeScript("PF('editDialog').hide()");
    } catch (BusinessException e) {
      Messages.error(e);
    }
  }

  public void toggleActive(Employee employee) {
    if (!user.mayWrite("deactivate or reactivate employees")) {
      return;
    }
    try {
      Employee changed =
          employee.isActive()
              ? employees.deactivate(employee.getId())
              : employees.reactivate(employee.getId());
      Messages.info(
          changed.getFullName()
              + (changed.isActive()
                  ? " is active again."
                  : " is deactivated: no check-ins or door access until reactivated."));
    } catch (BusinessException e) {
      Messages.error(e);
    }
  }

  public void erase() {
    if (!user.mayWrite("erase employees")) {
      return;
    }
    try {
      int templates = employees.erase(selected.getId());
      Messages.info(
          "Erased "
              + selected.getFullName()
              + " ("
              + selected.getEmployeeNumber()
              + ") and "
              + templates
              + " face templates. Their check-ins are kept without the person.");
      selected = null;
    } catch (BusinessException e) {
      Messages.error(e);
    }
  }

  public EmployeeLazyModel getModel() {
    return model;
  }

  public NewEmployeeForm getForm() {
    return form;
  }

  public EmploymentStatus[] getStatuses() {
    return EmploymentStatus.values();
  }

  public Employee getSelected() {
    return selected;
  }

  public int getSelectedTemplates() {
    return selectedTemplates;
  }

  public String getEditName() {
    return editName;
  }

  public void setEditName(String editName) {
    this.editName = editName;
  }

  public String getEditDepartment() {
    return editDepartment;
  }

  public void setEditDepartment(String editDepartment) {
    this.editDepartment = editDepartment;
  }

  public String getEditSite() {
    return editSite;
  }

  public void setEditSite(String editSite) {
    this.editSite = editSite;
  }
}
