package dev.facegate.accounts.control;

import dev.facegate.domain.accounts.PortalAccount;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** Storage of console accounts; joins the caller's transaction. */
@Dependent
public class AccountRepository {

  @PersistenceContext(unitName = "facegate")
  EntityManager em;

  public Optional<PortalAccount> findByUsername(String username) {
    return em.createNamedQuery(PortalAccount.FIND_BY_USERNAME, PortalAccount.class)
        .setParameter("username", username)
        .getResultStream()
        .findFirst();
  }

  public long count() {
    return em.createNamedQuery(PortalAccount.COUNT, Long.class).getSingleResult();
  }

  public void add(PortalAccount account) {
    em.persist(account);
  }

  /** All accounts by username. */
  public java.util.List<PortalAccount> findAll() {
    return em.createQuery("SELECT a FROM PortalAccount a ORDER BY a.username", PortalAccount.class)
        .getResultList();
  }
}
