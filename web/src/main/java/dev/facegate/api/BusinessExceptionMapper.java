package dev.facegate.api;

import dev.facegate.people.boundary.DuplicateEmployeeNumberException;
import dev.facegate.platform.BusinessException;
import dev.facegate.platform.InvalidInputException;
import dev.facegate.platform.NotFoundException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Expected business failures become 4xx problem+json responses with the reason. */
@Provider
public class BusinessExceptionMapper implements ExceptionMapper<BusinessException> {

  @Override
  public Response toResponse(BusinessException e) {
    return switch (e) {
      case NotFoundException notFound ->
          Problem.response(Response.Status.NOT_FOUND, e.getMessage());
      case DuplicateEmployeeNumberException duplicate ->
          Problem.response(Response.Status.CONFLICT, e.getMessage());
      case InvalidInputException invalid ->
          Problem.response(
              Problem.UNPROCESSABLE_CONTENT,
              "Unprocessable Content",
              "The request is invalid.",
              invalid.problems());
      default -> Problem.response(Response.Status.BAD_REQUEST, e.getMessage());
    };
  }
}
