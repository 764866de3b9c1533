package dev.facegate.attendance.boundary;

import dev.facegate.attendance.control.CheckInRepository;
import dev.facegate.domain.attendance.CheckIn;
import dev.facegate.domain.attendance.DirectionRule;
import dev.facegate.domain.recognition.Outcome;
import dev.facegate.observability.control.Stage;
import dev.facegate.observability.control.TimedStage;
import dev.facegate.platform.InvalidInputException;
import dev.facegate.platform.NotFoundException;
import dev.facegate.platform.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The check-in log, owned by attendance: device use cases record check-ins through it, HR and
 * administrators read it newest first, filtered and paged. Check-ins are immutable once recorded.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
@RolesAllowed({Roles.ADMIN, Roles.HR})
public class CheckIns {

  /** Largest page a caller may ask for. */
  public static final int MAX_PAGE_SIZE = 500;

  @PersistenceContext(unitName = "facegate")
  EntityManager em;

  @Inject CheckInRepository repository;

  /**
   * Records one check-in in the caller's transaction (the device use case that decided it).
   *
   * @return the stored check-in, with its id
   */
  @RolesAllowed(Roles.DEVICE)
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  @TimedStage(Stage.DATABASE)
  public CheckIn record(CheckIn checkIn) {
    return repository.add(checkIn);
  }

  /** Whether the employee already matched since {@code since} (a repeat is a duplicate). */
  @RolesAllowed(Roles.DEVICE)
  @TimedStage(Stage.DATABASE)
  public boolean matchedSince(long employeeId, Instant since) {
    return repository.matchedSince(employeeId, since);
  }

  /** The employee's most recent check-in that carries a direction, for the kiosk's default. */
  @RolesAllowed(Roles.DEVICE)
  public Optional<DirectionRule.LastCheckIn> lastDirected(long employeeId) {
    return em.createQuery(
            "SELECT c FROM CheckIn c WHERE c.employeeId = :employee AND c.outcome = :match"
                + " AND c.direction IS NOT NULL ORDER BY c.occurredAt DESC, c.id DESC",
            CheckIn.class)
        .setParameter("employee", employeeId)
        .setParameter("match", Outcome.MATCH)
        .setMaxResults(1)
        .getResultStream()
        .findFirst()
        .map(c -> new DirectionRule.LastCheckIn(c.getOccurredAt(), c.getDirection()));
  }

  public List<CheckIn> find(CheckInQuery query, int offset, int limit) {
    if (offset < 0 || limit < 1 || limit > MAX_PAGE_SIZE) {
      throw new InvalidInputException(
          List.of("offset must be >= 0 and limit between 1 and " + MAX_PAGE_SIZE + "."));
    }
    TypedQuery<CheckIn> q =
        em.createQuery(
            "SELECT c FROM CheckIn c" + where(query) + " ORDER BY c.occurredAt DESC, c.id DESC",
            CheckIn.class);
    bind(q, query);
    return q.setFirstResult(offset).setMaxResults(limit).getResultList();
  }

  public long count(CheckInQuery query) {
    TypedQuery<Long> q =
        em.createQuery("SELECT COUNT(c) FROM CheckIn c" + where(query), Long.class);
    bind(q, query);
    return q.getSingleResult();
  }

  /** Most recorded decisions {@link #scoredDecisions} returns (the newest). */
  public static final int MAX_SCORED_DECISIONS = 200_000;

  /**
   * The scores of the face decisions (MATCH or UNKNOWN with a best score) recorded in {@code [from,
   * to)} with the site of their device, newest first, at most {@link #MAX_SCORED_DECISIONS}; for
   * threshold tuning.
   */
  public List<ScoredDecision> scoredDecisions(Instant from, Instant to) {
    return em.createQuery(
            "SELECT new dev.facegate.attendance.boundary.ScoredDecision(c.deviceId, d.site,"
                + " c.outcome, c.bestScore, c.runnerUpScore, c.modelVersion)"
                + " FROM CheckIn c LEFT JOIN Device d ON d.id = c.deviceId"
                + " WHERE c.occurredAt >= :from AND c.occurredAt < :to"
                + " AND c.bestScore IS NOT NULL AND c.outcome IN :outcomes"
                + " ORDER BY c.occurredAt DESC, c.id DESC",
            ScoredDecision.class)
        .setParameter("from", from)
        .setParameter("to", to)
        .setParameter("outcomes", List.of(Outcome.MATCH, Outcome.UNKNOWN))
        .setMaxResults(MAX_SCORED_DECISIONS)
        .getResultList();
  }

  public CheckIn get(long id) {
    CheckIn checkIn = em.find(CheckIn.class, id);
    if (checkIn == null) {
      throw new NotFoundException("No check-in with id " + id + ".");
    }
    return checkIn;
  }

  private static String where(CheckInQuery query) {
    List<String> clauses = new ArrayList<>();
    query.from().ifPresent(x -> clauses.add("c.occurredAt >= :from"));
    query.to().ifPresent(x -> clauses.add("c.occurredAt < :to"));
    query.employeeId().ifPresent(x -> clauses.add("c.employeeId = :employee"));
    query.deviceId().ifPresent(x -> clauses.add("c.deviceId = :device"));
    query.outcome().ifPresent(x -> clauses.add("c.outcome = :outcome"));
    query.method().ifPresent(x -> clauses.add("c.method = :method"));
    query.direction().ifPresent(x -> clauses.add("c.direction = :direction"));
    return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
  }

  private static void bind(TypedQuery<?> q, CheckInQuery query) {
    query.from().ifPresent(x -> q.setParameter("from", x));
    query.to().ifPresent(x -> q.setParameter("to", x));
    query.employeeId().ifPresent(x -> q.setParameter("employee", x));
    query.deviceId().ifPresent(x -> q.setParameter("device", x));
    query.outcome().ifPresent(x -> q.setParameter("outcome", x));
    query.method().ifPresent(x -> q.setParameter("method", x));
    query.direction().ifPresent(x -> q.setParameter("direction", x));
  }
}
