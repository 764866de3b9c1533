package dev.facegate.attendance.control;

import dev.facegate.domain.attendance.CheckIn;
import dev.facegate.domain.recognition.Outcome;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/** Appends check-ins; joins the caller's transaction. */
@Dependent
public class CheckInRepository {

  @PersistenceContext(unitName = "facegate")
  EntityManager em;

  public CheckIn add(CheckIn checkIn) {
    em.persist(checkIn);
    em.flush();
    return checkIn;
  }

  /** Whether the employee already matched since {@code since} (a repeat is a duplicate). */
  public boolean matchedSince(long employeeId, Instant since) {
    return !em.createQuery(
            "SELECT c.id FROM CheckIn c WHERE c.employeeId = :employee AND c.outcome = :match"
                + " AND c.occurredAt >= :since",
            Long.class)
        .setParameter("employee", employeeId)
        .setParameter("match", Outcome.MATCH)
        .setParameter("since", since)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }
}
