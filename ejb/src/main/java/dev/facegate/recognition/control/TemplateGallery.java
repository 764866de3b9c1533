package dev.facegate.recognition.control;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the enrolled template vectors for calibration, grouped by person in a stable order
 * (employee id, then template id) so a seeded impostor sample is reproducible. Read-only; the
 * vectors never leave the server's memory.
 */
@Dependent
public class TemplateGallery {

  @PersistenceContext(unitName = "facegate")
  EntityManager em;

  /**
   * The vectors of one model version, one list per employee.
   *
   * @param modelVersion the model version
   * @param site only employees of this site
   * @param department only employees of this department
   * @return the gallery
   */
  public List<List<float[]>> vectors(
      String modelVersion, Optional<String> site, Optional<String> department) {
    StringBuilder jpql =
        new StringBuilder(
            "SELECT e.id, t.vector FROM FaceTemplate t JOIN t.employee e"
                + " WHERE t.modelVersion = :modelVersion");
    site.ifPresent(s -> jpql.append(" AND e.site = :site"));
    department.ifPresent(d -> jpql.append(" AND e.department = :department"));
    jpql.append(" ORDER BY e.id, t.id");
    TypedQuery<Object[]> q =
        em.createQuery(jpql.toString(), Object[].class).setParameter("modelVersion", modelVersion);
    site.ifPresent(s -> q.setParameter("site", s));
    department.ifPresent(d -> q.setParameter("department", d));
    List<List<float[]>> gallery = new ArrayList<>();
    Long current = null;
    for (Object[] row : q.getResultList()) {
      Long employee = (Long) row[0];
      if (!employee.equals(current)) {
        gallery.add(new ArrayList<>());
        current = employee;
      }
      gallery.getLast().add((float[]) row[1]);
    }
    return gallery;
  }
}
