package dev.facegate.domain.attendance;

/** Why an employee is away with HR's approval. */
public enum LeaveKind {
  VACATION,
  SICK,
  OTHER
}
