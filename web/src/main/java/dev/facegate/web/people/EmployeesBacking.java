package dev.facegate.web.people;

import dev.facegate.domain.accounts.Role;
import dev.facegate.domain.people.Employee;
import dev.facegate.people.boundary.Employees;
import dev.facegate.people.boundary.NewEmployee;
import dev.facegate.platform.BusinessException;
import dev.facegate.platform.InvalidInputException;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.Serializable;
import java.util.List;

/** The employee list and the form that registers a new employee. */
@Named
@ViewScoped
public class EmployeesBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient Employees employees;

  @Inject transient SecurityContext securityContext;

  @Inject transient FacesContext faces;

  private List<Employee> list;
  private String employeeNumber;
  private String fullName;
  private String department;

  @PostConstruct
  void load() {
    list = employees.list();
  }

  public boolean isMayEdit() {
    return securityContext.isCallerInRole(Role.ADMIN.name());
  }

  public void create() {
    if (!isMayEdit()) {
      error("Only administrators can register employees.");
      return;
    }
    try {
      Employee created = employees.create(new NewEmployee(employeeNumber, fullName, department));
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_INFO,
              "Registered " + created.getFullName() + " (" + created.getEmployeeNumber() + ").",
              null));
      employeeNumber = null;
      fullName = null;
      department = null;
      list = employees.list();
    } catch (InvalidInputException e) {
      e.problems().forEach(this::error);
    } catch (BusinessException e) {
      error(e.getMessage());
    }
  }

  private void error(String message) {
    faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
  }

  public List<Employee> getList() {
    return list;
  }

  public String getEmployeeNumber() {
    return employeeNumber;
  }

  public void setEmployeeNumber(String employeeNumber) {
    this.employeeNumber = employeeNumber;
  }

  public String getFullName() {
    return fullName;
  }

  public void setFullName(String fullName) {
    this.fullName = fullName;
  }

  public String getDepartment() {
    return department;
  }

  public void setDepartment(String department) {
    this.department = department;
  }
}
