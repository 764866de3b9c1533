package dev.facegate.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Protocol-level failures raised by the JAX-RS runtime (unknown path, wrong method, unsupported
 * media type, a role that is not allowed) as problem+json with their own status.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  @Override
  public Response toResponse(WebApplicationException e) {
    Response.StatusType status = e.getResponse().getStatusInfo();
    String detail =
        switch (status.getStatusCode()) {
          case 403 -> "Your role does not allow this operation.";
          case 404 -> "No such resource.";
          case 405 -> "This method is not allowed on this resource.";
          case 406 -> "The requested representation is not available.";
          case 415 -> "This media type is not supported here.";
          default -> status.getReasonPhrase();
        };
    return Problem.response(
        status.getStatusCode(), status.getReasonPhrase(), detail, java.util.List.of());
  }
}
