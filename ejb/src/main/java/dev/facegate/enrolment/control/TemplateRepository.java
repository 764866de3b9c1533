package dev.facegate.enrolment.control;

import dev.facegate.domain.enrolment.FaceTemplate;
import dev.facegate.domain.people.Employee;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Storage of face templates; joins the caller's transaction. */
@Dependent
public class TemplateRepository {

  @PersistenceContext(unitName = "facegate")
  EntityManager em;

  /** Stores the template and assigns its id at once (the index needs it). */
  public FaceTemplate add(FaceTemplate template) {
    em.persist(template);
    em.flush();
    return template;
  }

  public Optional<FaceTemplate> findById(long id) {
    return Optional.ofNullable(em.find(FaceTemplate.class, id));
  }

  public List<FaceTemplate> findByEmployee(Employee employee) {
    return em.createNamedQuery(FaceTemplate.FIND_BY_EMPLOYEE, FaceTemplate.class)
        .setParameter("employee", employee)
        .getResultList();
  }

  /** Templates of one model, with their employees, for rebuilding the index. */
  public Stream<FaceTemplate> streamByModel(String modelVersion) {
    return em.createNamedQuery(FaceTemplate.FIND_BY_MODEL, FaceTemplate.class)
        .setParameter("modelVersion", modelVersion)
        .getResultStream();
  }

  public long countByModel(String modelVersion) {
    return em.createQuery(
            "SELECT COUNT(t) FROM FaceTemplate t WHERE t.modelVersion = :modelVersion", Long.class)
        .setParameter("modelVersion", modelVersion)
        .getSingleResult();
  }

  /** Ids among {@code ids} that still exist (the index may briefly hold ones that do not). */
  public List<Long> existing(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return em.createQuery("SELECT t.id FROM FaceTemplate t WHERE t.id IN :ids", Long.class)
        .setParameter("ids", ids)
        .getResultList();
  }

  public void remove(FaceTemplate template) {
    em.remove(template);
  }

  public int removeAllOf(Employee employee) {
    return em.createNamedQuery(FaceTemplate.DELETE_BY_EMPLOYEE)
        .setParameter("employee", employee)
        .executeUpdate();
  }
}
