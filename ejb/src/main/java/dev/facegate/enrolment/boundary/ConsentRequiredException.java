package dev.facegate.enrolment.boundary;

import dev.facegate.platform.BusinessException;
import jakarta.ejb.ApplicationException;

/** Biometric enrolment was attempted before the employee's consent was recorded. */
@ApplicationException(rollback = true)
public class ConsentRequiredException extends BusinessException {

  public ConsentRequiredException(String employeeNumber) {
    super(
        "Employee "
            + employeeNumber
            + " has not consented to biometric processing; record the consent first.");
  }
}
