package dev.facegate.web.people;

import java.io.Serializable;

/** The fields of the registration form. */
public class NewEmployeeForm implements Serializable {

  private static final long serialVersionUID = 1L;

  private String employeeNumber;
  private String fullName;
  private String department;

  void clear() {
    employeeNumber = null;
    fullName = null;
    department = null;
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
