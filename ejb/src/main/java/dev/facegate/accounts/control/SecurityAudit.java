package dev.facegate.accounts.control;

import dev.facegate.domain.audit.AuditAction;
import dev.facegate.platform.control.AuditLog;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Audit events that happen during a login, which runs without a transaction (a database connection
 * should not be held while PBKDF2 works for 200 ms): each is written in a transaction of its own.
 */
@Dependent
public class SecurityAudit {

  @Inject AuditLog audit;

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void record(AuditAction action, String subject, String detail) {
    audit.record(action, subject, detail);
  }
}
