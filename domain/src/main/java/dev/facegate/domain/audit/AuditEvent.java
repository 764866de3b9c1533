package dev.facegate.domain.audit;

import static java.util.Objects.requireNonNull;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Who did what to which person's biometric data, and when. It names the subject by employee number
 * (which survives erasure of the employee record) and never holds a photo, a vector or a secret.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private Instant occurredAt;

  @Column(nullable = false, updatable = false, length = 64)
  private String actor;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 32)
  private AuditAction action;

  @Column(name = "subject", updatable = false, length = 100)
  private String subject;

  @Column(nullable = false, updatable = false, length = 500)
  private String detail;

  /** For JPA only. */
  protected AuditEvent() {}

  public AuditEvent(
      Instant occurredAt, String actor, AuditAction action, String subject, String detail) {
    this.occurredAt = requireNonNull(occurredAt, "time is required");
    this.actor = requireNonNull(actor, "actor is required");
    this.action = requireNonNull(action, "action is required");
    this.subject = subject;
    String text = requireNonNull(detail, "detail is required");
    this.detail = text.length() > 500 ? text.substring(0, 500) : text;
  }

  public Long getId() {
    return id;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  public String getActor() {
    return actor;
  }

  public AuditAction getAction() {
    return action;
  }

  public String getSubject() {
    return subject;
  }

  public String getDetail() {
    return detail;
  }
}
