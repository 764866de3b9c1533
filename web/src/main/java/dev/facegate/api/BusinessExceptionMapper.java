package dev.facegate.api;

import dev.facegate.access.boundary.DeviceAuthenticationException;
import dev.facegate.access.boundary.DeviceForbiddenException;
import dev.facegate.access.boundary.RateLimitedException;
import dev.facegate.enrolment.boundary.ConsentRequiredException;
import dev.facegate.faces.entity.FaceEngineBusyException;
import dev.facegate.faces.entity.UnreadableImageException;
import dev.facegate.people.boundary.DuplicateEmployeeNumberException;
import dev.facegate.platform.BusinessException;
import dev.facegate.platform.ConcurrentChangeException;
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
      case DeviceAuthenticationException unauthenticated ->
          Problem.response(Response.Status.UNAUTHORIZED, e.getMessage());
      case DeviceForbiddenException forbidden ->
          Problem.response(Response.Status.FORBIDDEN, e.getMessage());
      case RateLimitedException limited ->
          Problem.response(Response.Status.TOO_MANY_REQUESTS, e.getMessage());
      case FaceEngineBusyException busy ->
          // The door stays closed and is told when to try again; nothing was decided or recorded.
          Response.fromResponse(
                  Problem.response(Response.Status.SERVICE_UNAVAILABLE, e.getMessage()))
              .header("Retry-After", busy.retryAfterSeconds())
              .build();
      case ConsentRequiredException noConsent ->
          Problem.response(Response.Status.CONFLICT, e.getMessage());
      case UnreadableImageException unreadable ->
          switch (unreadable.kind()) {
            case NOT_AN_IMAGE ->
                Problem.response(Response.Status.UNSUPPORTED_MEDIA_TYPE, e.getMessage());
            case CORRUPT, TOO_MANY_PIXELS ->
                Problem.response(
                    Problem.UNPROCESSABLE_CONTENT,
                    "Unprocessable Content",
                    e.getMessage(),
                    java.util.List.of());
          };
      case ConcurrentChangeException concurrent ->
          Problem.response(Response.Status.CONFLICT, e.getMessage());
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
