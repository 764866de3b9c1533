package dev.facegate.people.boundary;

/** The changeable details of an employee; the employee number never changes. */
public record EmployeeDetails(String fullName, String department, String site) {}
