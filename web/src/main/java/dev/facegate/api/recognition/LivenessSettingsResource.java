package dev.facegate.api.recognition;

import dev.facegate.domain.recognition.LivenessBounds;
import dev.facegate.domain.recognition.LivenessSettings;
import dev.facegate.platform.InvalidInputException;
import dev.facegate.recognition.boundary.Liveness;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The liveness bounds (see docs/liveness.md): the installation's, and each site's own. HR reads
 * them, administrators change them; every change is audited.
 */
@Path("v1/settings/liveness")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"ADMIN", "HR"})
public class LivenessSettingsResource {

  @Inject Liveness liveness;

  /**
   * One set of bounds.
   *
   * @param frontalYawDegrees a face within this yaw counts as frontal
   * @param turnYawDegrees the yaw the head-turn challenge asks to pass
   * @param timeLimitMillis the challenge's time limit
   * @param minResidual the landmark homography residual (per eye distance) that tells a head from a
   *     flat picture
   */
  public record Bounds(
      Double frontalYawDegrees,
      Double turnYawDegrees,
      Integer timeLimitMillis,
      Double minResidual) {

    static Bounds of(LivenessBounds b) {
      return new Bounds(
          b.frontalYawDegrees(), b.turnYawDegrees(), b.timeLimitMillis(), b.minResidual());
    }

    void requireAll() {
      if (frontalYawDegrees == null
          || turnYawDegrees == null
          || timeLimitMillis == null
          || minResidual == null) {
        throw new InvalidInputException(
            List.of(
                "frontalYawDegrees, turnYawDegrees, timeLimitMillis and minResidual are"
                    + " required."));
      }
    }
  }

  /** The settings as shown: the installation's bounds and the sites' own. */
  public record LivenessView(
      Bounds defaults, Map<String, Bounds> siteOverrides, Instant updatedAt, String updatedBy) {

    static LivenessView of(LivenessSettings s) {
      Map<String, Bounds> sites = new TreeMap<>();
      s.getSiteOverrides().forEach((site, b) -> sites.put(site, Bounds.of(b)));
      return new LivenessView(Bounds.of(s.defaults()), sites, s.getUpdatedAt(), s.getUpdatedBy());
    }
  }

  @GET
  public LivenessView get() {
    return LivenessView.of(liveness.current());
  }

  /** Changes the installation's bounds. */
  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed("ADMIN")
  public LivenessView change(Bounds request) {
    return LivenessView.of(apply(null, request));
  }

  /** Gives a site its own bounds. */
  @PUT
  @Path("sites/{site}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed("ADMIN")
  public LivenessView overrideForSite(@PathParam("site") String site, Bounds request) {
    return LivenessView.of(apply(site, request));
  }

  /** The site goes back to the installation's bounds. */
  @DELETE
  @Path("sites/{site}")
  @RolesAllowed("ADMIN")
  public LivenessView removeSiteOverride(@PathParam("site") String site) {
    return LivenessView.of(liveness.removeSiteOverride(site));
  }

  private LivenessSettings apply(String site, Bounds request) {
    if (request == null) {
      throw new InvalidInputException(List.of("A JSON body with the bounds is required."));
    }
    request.requireAll();
    return liveness.change(
        site,
        request.frontalYawDegrees(),
        request.turnYawDegrees(),
        request.timeLimitMillis(),
        request.minResidual());
  }
}
