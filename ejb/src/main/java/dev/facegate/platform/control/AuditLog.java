package dev.facegate.platform.control;

import dev.facegate.domain.audit.AuditAction;
import dev.facegate.domain.audit.AuditEvent;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.time.Clock;

/**
 * Writes the audit trail of operations on biometric data, in the caller's transaction: the event
 * exists exactly when the operation committed. Never pass biometric data or secrets as detail.
 */
@Dependent
public class AuditLog {

  @PersistenceContext(unitName = "facegate")
  EntityManager em;

  @Inject Clock clock;

  @Inject SecurityContext security;

  public void record(AuditAction action, String subject, String detail) {
    record(actor(), action, subject, detail);
  }

  /**
   * Records an event of an actor that is not a logged-in user, such as a kiosk ({@code "kiosk
   * 12"}), whose requests run without a caller principal.
   */
  public void record(String actor, AuditAction action, String subject, String detail) {
    em.persist(new AuditEvent(clock.instant(), actor, action, subject, detail));
  }

  /** The logged-in console user, or "system" for work the server does by itself. */
  public String actor() {
    Principal caller = security.getCallerPrincipal();
    return caller == null ? "system" : caller.getName();
  }
}
