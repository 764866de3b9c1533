package dev.facegate.people.boundary;

import dev.facegate.domain.people.EmploymentStatus;
import java.util.Optional;

/**
 * Filters and order of a page of the employee register; each filter is optional.
 *
 * @param text part of the employee number, name or department (case-insensitive)
 * @param status only employees in this status
 * @param sortBy the field to order by
 * @param ascending the direction of the order
 */
public record EmployeeQuery(
    Optional<String> text, Optional<EmploymentStatus> status, SortField sortBy, boolean ascending) {

  /** The fields a page may be ordered by (a closed list: never a column name from a request). */
  public enum SortField {
    EMPLOYEE_NUMBER("employeeNumber"),
    FULL_NAME("fullName"),
    DEPARTMENT("department"),
    STATUS("status"),
    CREATED_AT("createdAt");

    private final String attribute;

    SortField(String attribute) {
      this.attribute = attribute;
    }

    /** The entity attribute behind the field. */
    public String attribute() {
      return attribute;
    }
  }

  public EmployeeQuery {
    text = text.map(String::strip).filter(t -> !t.isEmpty());
    sortBy = sortBy == null ? SortField.FULL_NAME : sortBy;
  }

  public static EmployeeQuery all() {
    return new EmployeeQuery(Optional.empty(), Optional.empty(), SortField.FULL_NAME, true);
  }
}
