package dev.facegate.accounts.control;

import dev.facegate.domain.accounts.ApiToken;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Storage of personal API tokens; joins the caller's transaction. */
@Dependent
public class ApiTokenRepository {

  @PersistenceContext(unitName = "facegate")
  EntityManager em;

  public Optional<ApiToken> findByHash(String tokenHash) {
    return em.createNamedQuery(ApiToken.FIND_BY_HASH, ApiToken.class)
        .setParameter("tokenHash", tokenHash)
        .getResultStream()
        .findFirst();
  }

  public Optional<ApiToken> find(long id) {
    return Optional.ofNullable(em.find(ApiToken.class, id));
  }

  public List<ApiToken> findByOwner(String owner) {
    return em.createNamedQuery(ApiToken.FIND_BY_OWNER, ApiToken.class)
        .setParameter("owner", owner)
        .getResultList();
  }

  public List<ApiToken> findAll() {
    return em.createNamedQuery(ApiToken.FIND_ALL, ApiToken.class).getResultList();
  }

  public void add(ApiToken token) {
    em.persist(token);
  }
}
