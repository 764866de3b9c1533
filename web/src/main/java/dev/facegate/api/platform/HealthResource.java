package dev.facegate.api.platform;

import dev.facegate.platform.boundary.Health;
import dev.facegate.platform.boundary.HealthReport;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** {@code GET /api/v1/health}: 200 when the service and its dependencies are up, 503 otherwise. */
@Path("v1/health")
public class HealthResource {

  @Inject Health health;

  /**
   * @param status "UP" or "DOWN"
   * @param checks one status per dependency
   */
  public record HealthResponse(String status, Map<String, String> checks) {}

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response check() {
    HealthReport report = health.check();
    return Response.status(report.up() ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
        .entity(new HealthResponse(report.up() ? "UP" : "DOWN", report.checks()))
        .build();
  }
}
