package dev.facegate.domain.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmployeeTest {

  private static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");
  private static ValidatorFactory validatorFactory;
  private static Validator validator;

  @BeforeAll
  static void createValidator() {
    validatorFactory = Validation.buildDefaultValidatorFactory();
    validator = validatorFactory.getValidator();
  }

  @AfterAll
  static void closeValidator() {
    validatorFactory.close();
  }

  @Test
  void newEmployeeIsActiveAndTrimmed() {
    Employee employee = new Employee(" E-1001 ", " Ada Lovelace ", " Research ", NOW);

    assertThat(employee.getEmployeeNumber()).isEqualTo("E-1001");
    assertThat(employee.getFullName()).isEqualTo("Ada Lovelace");
    assertThat(employee.getDepartment()).isEqualTo("Research");
    assertThat(employee.getStatus()).isEqualTo(EmploymentStatus.ACTIVE);
    assertThat(validator.validate(employee)).isEmpty();
  }

  @Test
  void deactivationAndReactivationChangeStatus() {
    Employee employee = new Employee("E-1", "Grace Hopper", "Engineering", NOW);

    employee.deactivate();
    assertThat(employee.isActive()).isFalse();
    employee.reactivate();
    assertThat(employee.isActive()).isTrue();
  }

  @Test
  void employeeNumberWithSpacesOrSlashesIsInvalid() {
    Set<ConstraintViolation<Employee>> violations =
        validator.validate(new Employee("E 1/2", "Alan Turing", "Research", NOW));

    assertThat(violations)
        .extracting(v -> v.getPropertyPath().toString())
        .containsExactly("employeeNumber");
  }

  @Test
  void blankNameAndOverlongDepartmentAreInvalid() {
    Set<ConstraintViolation<Employee>> violations =
        validator.validate(new Employee("E-2", "  ", "x".repeat(101), NOW));

    assertThat(violations)
        .extracting(v -> v.getPropertyPath().toString())
        .containsExactlyInAnyOrder("fullName", "department");
  }

  @Test
  void requiredFieldsAreCheckedAtConstruction() {
    assertThatNullPointerException()
        .isThrownBy(() -> new Employee(null, "Name", "Dept", NOW))
        .withMessageContaining("employee number is required");
  }
}
