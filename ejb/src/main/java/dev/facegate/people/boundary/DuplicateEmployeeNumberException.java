package dev.facegate.people.boundary;

import dev.facegate.platform.BusinessException;
import jakarta.ejb.ApplicationException;

/** The employee number is already taken by another employee. */
@ApplicationException(rollback = true)
public class DuplicateEmployeeNumberException extends BusinessException {

  public DuplicateEmployeeNumberException(String employeeNumber) {
    super("Employee number " + employeeNumber + " is already in use.");
  }
}
