package dev.facegate.api.enrolment;

import dev.facegate.enrolment.boundary.IndexReconciler;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Maintenance of the face index, which is derived from the database: rebuild it from the stored
 * templates (after restoring a backup, moving to a new Elasticsearch cluster, or a model upgrade).
 */
@Path("v1/index")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("ADMIN")
public class IndexResource {

  @Inject IndexReconciler reconciler;

  /** The outcome of a rebuild. */
  public record RebuildResult(long indexed) {}

  // No body; declared anyway so that a cross-site form post (form or text/plain) gets 415.
  @Consumes(MediaType.APPLICATION_JSON)
  @POST
  @Path("rebuild")
  public RebuildResult rebuild() {
    return new RebuildResult(reconciler.rebuild());
  }
}
