package dev.facegate.it.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.facegate.domain.people.Employee;
import dev.facegate.domain.people.EmploymentStatus;
import dev.facegate.it.support.Deployments;
import dev.facegate.people.boundary.DuplicateEmployeeNumberException;
import dev.facegate.people.boundary.Employees;
import dev.facegate.people.boundary.NewEmployee;
import dev.facegate.platform.InvalidInputException;
import jakarta.inject.Inject;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The employee register through its boundary, inside WildFly, on PostgreSQL. */
@ExtendWith(ArquillianExtension.class)
class EmployeesIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.applicationWithTests(EmployeesIT.class);
  }

  @Inject Employees employees;

  @Test
  void createdEmployeeCanBeFoundAndIsListed() {
    String number = uniqueNumber();

    Employee created = employees.create(new NewEmployee(number, "Ada Lovelace", "Research"));

    assertThat(created.getId()).isNotNull();
    Employee found = employees.findByNumber(number).orElseThrow();
    assertThat(found.getFullName()).isEqualTo("Ada Lovelace");
    assertThat(found.getDepartment()).isEqualTo("Research");
    assertThat(found.getStatus()).isEqualTo(EmploymentStatus.ACTIVE);
    assertThat(employees.get(created.getId()).getEmployeeNumber()).isEqualTo(number);
    assertThat(employees.list()).extracting(Employee::getEmployeeNumber).contains(number);
  }

  @Test
  void aTakenEmployeeNumberIsRefused() {
    String number = uniqueNumber();
    employees.create(new NewEmployee(number, "Grace Hopper", "Engineering"));

    assertThatThrownBy(() -> employees.create(new NewEmployee(number, "Someone Else", "Sales")))
        .isInstanceOf(DuplicateEmployeeNumberException.class)
        .hasMessageContaining(number);
    assertThat(employees.list()).filteredOn(e -> e.getEmployeeNumber().equals(number)).hasSize(1);
  }

  @Test
  void invalidInputIsRefusedWithOneReasonPerField() {
    assertThatThrownBy(() -> employees.create(new NewEmployee("bad number/1", " ", null)))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.problems())
                    .anyMatch(p -> p.startsWith("employeeNumber"))
                    .anyMatch(p -> p.startsWith("fullName"))
                    .anyMatch(p -> p.startsWith("department")));
    assertThat(employees.findByNumber("bad number/1")).isEmpty();
  }

  private static String uniqueNumber() {
    return "IT-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
