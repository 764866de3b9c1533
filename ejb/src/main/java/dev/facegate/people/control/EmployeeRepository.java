package dev.facegate.people.control;

import dev.facegate.domain.people.Employee;
import dev.facegate.domain.people.EmploymentStatus;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Queries and storage of {@link Employee}s; joins the caller's transaction. */
@Dependent
public class EmployeeRepository {

  @PersistenceContext(unitName = "facegate")
  EntityManager em;

  public Employee add(Employee employee) {
    em.persist(employee);
    return employee;
  }

  public Optional<Employee> findById(long id) {
    return Optional.ofNullable(em.find(Employee.class, id));
  }

  public Optional<Employee> findByNumber(String employeeNumber) {
    return em.createNamedQuery(Employee.FIND_BY_NUMBER, Employee.class)
        .setParameter("number", employeeNumber)
        .getResultStream()
        .findFirst();
  }

  public void remove(Employee employee) {
    em.remove(employee);
    em.flush();
  }

  public List<Employee> findAll() {
    return em.createNamedQuery(Employee.FIND_ALL, Employee.class).getResultList();
  }

  /**
   * A page of employees whose number, name or department contains {@code text}, optionally only
   * those in {@code status}, ordered by {@code sortAttribute} (which the caller takes from a closed
   * list) and then by id so that pages never overlap.
   */
  public List<Employee> find(
      String text,
      EmploymentStatus status,
      String sortAttribute,
      boolean ascending,
      int offset,
      int limit) {
    TypedQuery<Employee> query =
        em.createQuery(
            "SELECT e FROM Employee e"
                + where(text, status)
                + " ORDER BY e."
                + sortAttribute
                + (ascending ? " ASC" : " DESC")
                + ", e.id",
            Employee.class);
    bind(query, text, status);
    return query.setFirstResult(offset).setMaxResults(limit).getResultList();
  }

  public long count(String text, EmploymentStatus status) {
    TypedQuery<Long> query =
        em.createQuery("SELECT COUNT(e) FROM Employee e" + where(text, status), Long.class);
    bind(query, text, status);
    return query.getSingleResult();
  }

  private static String where(String text, EmploymentStatus status) {
    List<String> clauses = new ArrayList<>();
    if (text != null) {
      clauses.add(
          "(LOWER(e.employeeNumber) LIKE :text ESCAPE '\\' OR LOWER(e.fullName) LIKE :text"
              + " ESCAPE '\\' OR LOWER(e.department) LIKE :text ESCAPE '\\')");
    }
    if (status != null) {
      clauses.add("e.status = :status");
    }
    return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
  }

  private static void bind(TypedQuery<?> query, String text, EmploymentStatus status) {
    if (text != null) {
      String escaped =
          text.toLowerCase(Locale.ROOT)
              .replace("\\", "\\\\")
              .replace("%", "\\%")
              .replace("_", "\\_");
      query.setParameter("text", "%" + escaped + "%");
    }
    if (status != null) {
      query.setParameter("status", status);
    }
  }
}
