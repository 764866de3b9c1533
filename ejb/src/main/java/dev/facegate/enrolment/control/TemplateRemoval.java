package dev.facegate.enrolment.control;

import dev.facegate.domain.people.Employee;
import dev.facegate.index.boundary.FaceIndex;
import dev.facegate.people.boundary.EmployeeErasure;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Deletes all of an employee's biometric data: index entries, templates and any stored crops with
 * them. Runs in the caller's transaction, index first: if the index fails, the database (the source
 * of truth) still has everything and the transaction rolls back.
 */
@Dependent
public class TemplateRemoval {

  @Inject TemplateRepository templates;

  @Inject FaceIndex index;

  /**
   * Deletes every template of the employee.
   *
   * @return how many templates were deleted from the database
   */
  public int removeAllOf(Employee employee) {
    index.deletePerson(String.valueOf(employee.getId()));
    return templates.removeAllOf(employee);
  }

  /** The people component erases an employee: their templates go first, in the same transaction. */
  void onErasure(@Observes EmployeeErasure erasure) {
    erasure.reportTemplatesDeleted(removeAllOf(erasure.employee()));
  }
}
