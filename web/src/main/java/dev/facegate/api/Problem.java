package dev.facegate.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem detail, the body of every error the API returns.
 *
 * @param type a URI naming the kind of problem ({@code about:blank} when the status says it all)
 * @param title short, human-readable summary of the kind of problem
 * @param status the HTTP status code
 * @param detail what went wrong with this request, for a person to read
 * @param errors one entry per invalid field, empty otherwise
 * @param correlationId the request's id, also in the {@code X-Correlation-ID} header and in every
 *     log line of the request (absent outside a request)
 */
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    List<String> errors,
    String correlationId) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /**
   * 422: the request was well-formed but its content breaks the rules (not in Jakarta REST 3.1).
   */
  public static final int UNPROCESSABLE_CONTENT = 422;

  public static Response response(Response.Status status, String detail) {
    return response(status.getStatusCode(), status.getReasonPhrase(), detail, List.of());
  }

  public static Response response(int status, String title, String detail, List<String> errors) {
    return Response.status(status)
        .type(MediaType.valueOf(MEDIA_TYPE))
        .entity(
            new Problem(
                "about:blank", title, status, detail, errors, CorrelationId.current().orElse(null)))
        .build();
  }
}
