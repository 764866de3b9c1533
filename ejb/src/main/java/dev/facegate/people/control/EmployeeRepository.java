package dev.facegate.people.control;

import dev.facegate.domain.people.Employee;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
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
}
