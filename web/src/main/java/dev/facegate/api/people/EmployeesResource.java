package dev.facegate.api.people;

import dev.facegate.domain.people.Employee;
import dev.facegate.people.boundary.Employees;
import dev.facegate.people.boundary.NewEmployee;
import dev.facegate.platform.InvalidInputException;
import dev.facegate.platform.NotFoundException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;

/** The employee register over REST. HR reads, administrators write. */
@Path("v1/employees")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"ADMIN", "HR"})
public class EmployeesResource {

  @Inject Employees employees;

  /** An employee as the API shows it. */
  public record EmployeeView(
      long id,
      String employeeNumber,
      String fullName,
      String department,
      String status,
      Instant createdAt) {

    static EmployeeView of(Employee e) {
      return new EmployeeView(
          e.getId(),
          e.getEmployeeNumber(),
          e.getFullName(),
          e.getDepartment(),
          e.getStatus().name(),
          e.getCreatedAt());
    }
  }

  /** The body of a create request. */
  public record CreateEmployeeRequest(String employeeNumber, String fullName, String department) {}

  @GET
  public List<EmployeeView> list() {
    return employees.list().stream().map(EmployeeView::of).toList();
  }

  @GET
  @Path("{employeeNumber}")
  public EmployeeView get(@PathParam("employeeNumber") String employeeNumber) {
    return employees
        .findByNumber(employeeNumber)
        .map(EmployeeView::of)
        .orElseThrow(
            () -> new NotFoundException("No employee with number " + employeeNumber + "."));
  }

  /**
   * Erases the employee completely: templates (database and index), stored crops, the record.
   * Check-ins keep the attendance fact without the person; the audit trail records the erasure.
   */
  // No body; declared anyway so that a cross-site form post (form or text/plain) gets 415.
  @Consumes(MediaType.APPLICATION_JSON)
  @DELETE
  @Path("{employeeNumber}")
  @RolesAllowed("ADMIN")
  public Response erase(@PathParam("employeeNumber") String employeeNumber) {
    Employee employee =
        employees
            .findByNumber(employeeNumber)
            .orElseThrow(
                () -> new NotFoundException("No employee with number " + employeeNumber + "."));
    employees.erase(employee.getId());
    return Response.noContent().build();
  }

  /** Body of a fallback credential: the badge number or PIN (4 to 64 letters or digits). */
  public record FallbackCredentialRequest(String credential) {}

  /**
   * Issues or replaces the employee's fallback credential (badge number or PIN) for the kiosk's
   * keypad; only its salted, iterated hash is stored.
   */
  @PUT
  @Path("{employeeNumber}/fallback-credential")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed("ADMIN")
  public Response issueFallbackCredential(
      @PathParam("employeeNumber") String employeeNumber, FallbackCredentialRequest request) {
    if (request == null || request.credential() == null) {
      throw new InvalidInputException(List.of("A JSON body with credential is required."));
    }
    Employee employee =
        employees
            .findByNumber(employeeNumber)
            .orElseThrow(
                () -> new NotFoundException("No employee with number " + employeeNumber + "."));
    employees.issueFallbackCredential(employee.getId(), request.credential().toCharArray());
    return Response.noContent().build();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed("ADMIN")
  public Response create(CreateEmployeeRequest request, @Context UriInfo uri) {
    if (request == null) {
      throw new InvalidInputException(List.of("A JSON body with the employee is required."));
    }
    Employee created =
        employees.create(
            new NewEmployee(request.employeeNumber(), request.fullName(), request.department()));
    return Response.created(uri.getAbsolutePathBuilder().path(created.getEmployeeNumber()).build())
        .entity(EmployeeView.of(created))
        .build();
  }
}
