package dev.facegate.it.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.facegate.domain.people.Employee;
import dev.facegate.domain.people.EmploymentStatus;
import dev.facegate.it.support.AsAdmin;
import dev.facegate.it.support.AsHr;
import dev.facegate.it.support.Deployments;
import dev.facegate.people.boundary.DuplicateEmployeeNumberException;
import dev.facegate.people.boundary.Employees;
import dev.facegate.people.boundary.NewEmployee;
import dev.facegate.platform.InvalidInputException;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The employee register through its boundary, inside WildFly, on PostgreSQL, including the roles
 * the boundary enforces itself (not only the web layer).
 */
@ExtendWith(ArquillianExtension.class)
class EmployeesIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.applicationWithTests(EmployeesIT.class);
  }

  @Inject Employees employees;

  @Inject AsAdmin asAdmin;

  @Inject AsHr asHr;

  @Test
  void createdEmployeeCanBeFoundAndIsListed() throws Exception {
    String number = uniqueNumber();

    Employee created =
        asAdmin.call(() -> employees.create(new NewEmployee(number, "Ada Lovelace", "Research")));

    assertThat(created.getId()).isNotNull();
    Employee found = asAdmin.call(() -> employees.findByNumber(number)).orElseThrow();
    assertThat(found.getFullName()).isEqualTo("Ada Lovelace");
    assertThat(found.getDepartment()).isEqualTo("Research");
    assertThat(found.getStatus()).isEqualTo(EmploymentStatus.ACTIVE);
    assertThat(asAdmin.call(() -> employees.get(created.getId())).getEmployeeNumber())
        .isEqualTo(number);
    assertThat(asAdmin.call(() -> employees.list()))
        .extracting(Employee::getEmployeeNumber)
        .contains(number);
  }

  @Test
  void aTakenEmployeeNumberIsRefused() throws Exception {
    String number = uniqueNumber();
    asAdmin.call(() -> employees.create(new NewEmployee(number, "Grace Hopper", "Engineering")));

    assertThatThrownBy(
            () ->
                asAdmin.call(
                    () -> employees.create(new NewEmployee(number, "Someone Else", "Sales"))))
        .isInstanceOf(DuplicateEmployeeNumberException.class)
        .hasMessageContaining(number);
    assertThat(asAdmin.call(() -> employees.list()))
        .filteredOn(e -> e.getEmployeeNumber().equals(number))
        .hasSize(1);
  }

  @Test
  void invalidInputIsRefusedWithOneReasonPerField() throws Exception {
    assertThatThrownBy(
            () -> asAdmin.call(() -> employees.create(new NewEmployee("bad number/1", " ", null))))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.problems())
                    .anyMatch(p -> p.startsWith("employeeNumber"))
                    .anyMatch(p -> p.startsWith("fullName"))
                    .anyMatch(p -> p.startsWith("department")));
    assertThat(asAdmin.call(() -> employees.findByNumber("bad number/1"))).isEmpty();
  }

  @Test
  void theBoundaryRefusesAnonymousCallers() {
    assertAccessDenied(() -> employees.list());
    assertAccessDenied(() -> employees.create(new NewEmployee(uniqueNumber(), "Eve", "Sales")));
  }

  @Test
  void hrReadsTheRegisterButCannotChangeIt() throws Exception {
    String number = uniqueNumber();
    asAdmin.call(() -> employees.create(new NewEmployee(number, "Mary Jackson", "Research")));

    assertThat(asHr.call(() -> employees.findByNumber(number))).isPresent();
    assertAccessDenied(
        () -> asHr.call(() -> employees.create(new NewEmployee(uniqueNumber(), "X", "Y"))));
    assertThat(asAdmin.call(() -> employees.findByNumber(number))).isPresent();
  }

  /** The container refused the call: EJBAccessException, possibly wrapped by a RunAs bean. */
  static void assertAccessDenied(ThrowingCallable call) {
    assertThatThrownBy(call)
        .satisfies(
            thrown -> {
              Throwable t = thrown;
              while (t != null && !(t instanceof EJBAccessException)) {
                t = t.getCause();
              }
              assertThat(t).as("EJBAccessException in the cause chain of " + thrown).isNotNull();
            });
  }

  private static String uniqueNumber() {
    return "IT-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
