package dev.facegate.domain.people;

/** Whether an employee may currently check in and open doors. */
public enum EmploymentStatus {
  ACTIVE,
  INACTIVE
}
