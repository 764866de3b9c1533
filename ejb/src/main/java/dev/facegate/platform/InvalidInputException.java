package dev.facegate.platform;

import jakarta.ejb.ApplicationException;
import jakarta.validation.ConstraintViolation;
import java.util.List;
import java.util.Set;

/** Input broke the rules of an entity; {@link #problems()} lists each broken rule for the user. */
@ApplicationException(rollback = true)
public class InvalidInputException extends BusinessException {

  private final List<String> problems;

  public InvalidInputException(List<String> problems) {
    super(String.join(" ", problems));
    this.problems = List.copyOf(problems);
  }

  /**
   * One message per violated constraint, named after the property ("fullName must not be blank").
   */
  public static InvalidInputException of(Set<? extends ConstraintViolation<?>> violations) {
    return new InvalidInputException(
        violations.stream()
            .map(v -> v.getPropertyPath() + " " + v.getMessage() + ".")
            .sorted()
            .toList());
  }

  public List<String> problems() {
    return problems;
  }
}
