package dev.facegate.people.boundary;

/**
 * What it takes to register an employee. Validation happens on the entity (Bean Validation), so
 * every way in (page, REST, bulk import) applies the same rules.
 */
public record NewEmployee(String employeeNumber, String fullName, String department) {}
