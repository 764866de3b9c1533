package dev.facegate.api.enrolment;

import dev.facegate.domain.people.Employee;
import dev.facegate.enrolment.boundary.Enrolment;
import dev.facegate.people.boundary.Employees;
import dev.facegate.platform.InvalidInputException;
import dev.facegate.platform.NotFoundException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An employee's consent to biometric processing: recorded before any enrolment; withdrawing it
 * deletes every template.
 */
@Path("v1/employees/{employeeNumber}/consent")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("ADMIN")
public class ConsentResource {

  @Inject Employees employees;

  @Inject Enrolment enrolment;

  /** Body of a consent request: the version of the privacy notice the employee was shown. */
  public record ConsentRequest(String noticeVersion) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response recordConsent(
      @PathParam("employeeNumber") String number, ConsentRequest request) {
    if (request == null) {
      throw new InvalidInputException(List.of("A JSON body with noticeVersion is required."));
    }
    enrolment.recordConsent(employee(number).getId(), request.noticeVersion());
    return Response.noContent().build();
  }

  // No body; declared anyway so that a cross-site form post (form or text/plain) gets 415.
  @Consumes(MediaType.APPLICATION_JSON)
  @DELETE
  public Response withdrawConsent(@PathParam("employeeNumber") String number) {
    enrolment.withdrawConsent(employee(number).getId());
    return Response.noContent().build();
  }

  private Employee employee(String number) {
    return employees
        .findByNumber(number)
        .orElseThrow(() -> new NotFoundException("No employee with number " + number + "."));
  }
}
