package dev.facegate.access.control;

import dev.facegate.domain.audit.AuditAction;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Locks the badge keypad against PIN guessing, per employee number and per kiosk, from the audit
 * trail itself: every try is audited anyway ({@link AuditAction#BADGE_REFUSED} for a wrong one), so
 * the counts survive a restart and are the same on every node of a cluster.
 *
 * <p>Rule: a key (an employee number, or a kiosk) is locked while it has at least {@code failures}
 * wrong tries within the last {@code lockout} and after its last accepted one; the lock ends when
 * the oldest of those tries is {@code lockout} old. Tries made while locked are audited as {@link
 * AuditAction#BADGE_LOCKED}, which does not count, so hammering a locked pad does not extend it.
 */
@Dependent
public class BadgeGuard {

  @PersistenceContext(unitName = "facegate")
  EntityManager em;

  @Inject
  @ConfigProperty(name = "facegate.kiosk.badge-lockout-failures")
  int failures;

  @Inject
  @ConfigProperty(name = "facegate.kiosk.badge-lockout-minutes")
  int lockoutMinutes;

  /** The audit actor of a kiosk. */
  public static String kioskActor(long kioskId) {
    return "kiosk " + kioskId;
  }

  /** The audit subject of a badge try: the employee number as typed (stripped). */
  public static String employeeSubject(String employeeNumber) {
    return "employee " + employeeNumber.strip();
  }

  /** Until when the kiosk's keypad is locked, if it is at {@code now}. */
  public Optional<Instant> kioskLockedUntil(long kioskId, Instant now) {
    return lockedUntil("actor", kioskActor(kioskId), now);
  }

  /** Until when badge tries for this employee number are locked, if they are at {@code now}. */
  public Optional<Instant> employeeLockedUntil(String employeeNumber, Instant now) {
    return lockedUntil("subject", employeeSubject(employeeNumber), now);
  }

  /** How many wrong tries lock a key. */
  public int failuresToLock() {
    return failures;
  }

  private Optional<Instant> lockedUntil(String column, String key, Instant now) {
    Duration lockout = Duration.ofMinutes(lockoutMinutes);
    Instant since = now.minus(lockout);
    Instant lastAccepted =
        em.createQuery(
                "SELECT MAX(a.occurredAt) FROM AuditEvent a WHERE a.action = :accepted AND a."
                    + column
                    + " = :key AND a.occurredAt >= :since",
                Instant.class)
            .setParameter("accepted", AuditAction.BADGE_ACCEPTED)
            .setParameter("key", key)
            .setParameter("since", since)
            .getSingleResult();
    Instant from = lastAccepted == null ? since : lastAccepted;
    // Newest first: the failures-th of them is the oldest try that still holds the lock.
    List<Instant> wrong =
        em.createQuery(
                "SELECT a.occurredAt FROM AuditEvent a WHERE a.action = :refused AND a."
                    + column
                    + " = :key AND a.occurredAt > :from ORDER BY a.occurredAt DESC",
                Instant.class)
            .setParameter("refused", AuditAction.BADGE_REFUSED)
            .setParameter("key", key)
            .setParameter("from", from)
            .setMaxResults(failures)
            .getResultList();
    if (wrong.size() < failures) {
      return Optional.empty();
    }
    Instant until = wrong.get(failures - 1).plus(lockout);
    return until.isAfter(now) ? Optional.of(until) : Optional.empty();
  }
}
