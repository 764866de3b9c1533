package dev.facegate.api.recognition;

import dev.facegate.platform.InvalidInputException;
import dev.facegate.recognition.boundary.Calibration;
import dev.facegate.recognition.entity.CalibrationScope;
import dev.facegate.recognition.entity.ChangePreview;
import dev.facegate.recognition.entity.ThresholdChange;
import dev.facegate.recognition.entity.TuningReport;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * Threshold tuning over REST: the calibration report of the enrolled templates, the preview of a
 * proposed threshold and margin, and applying it. HR reads and previews, administrators apply.
 */
@Path("v1/recognition/calibration")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"ADMIN", "HR"})
public class CalibrationResource {

  @Inject Calibration calibration;

  /**
   * A proposed change as the API accepts it.
   *
   * @param site the site whose override is set; absent for the installation default
   * @param targetFmr a target false match rate (or give {@code threshold})
   * @param threshold a typed threshold (or give {@code targetFmr})
   * @param margin the margin to the runner-up; absent keeps the one in force
   * @param acceptHighFmr accept an estimated FMR above the limit (1e-2 by default)
   * @param filterSite compute the estimate on the employees of this site only
   * @param filterDepartment compute the estimate on the employees of this department only
   * @param modelVersion the model version of the templates; absent for the server's model
   */
  public record ChangeRequest(
      String site,
      Double targetFmr,
      Double threshold,
      Double margin,
      Boolean acceptHighFmr,
      String filterSite,
      String filterDepartment,
      String modelVersion) {

    ThresholdChange toChange() {
      return new ThresholdChange(
          site,
          targetFmr,
          threshold,
          margin,
          Boolean.TRUE.equals(acceptHighFmr),
          CalibrationScope.of(modelVersion, filterSite, filterDepartment));
    }
  }

  /**
   * The calibration report.
   *
   * @param site only templates of employees of this site
   * @param department only templates of employees of this department
   * @param modelVersion templates of this model version (default: the server's)
   * @param appliesTo show the figures at the thresholds of this site (default: the installation's)
   * @return the report
   */
  @GET
  public TuningReport report(
      @QueryParam("site") String site,
      @QueryParam("department") String department,
      @QueryParam("modelVersion") String modelVersion,
      @QueryParam("appliesTo") String appliesTo) {
    return calibration.report(CalibrationScope.of(modelVersion, site, department), appliesTo);
  }

  /** What a change would do; nothing is stored. */
  @POST
  @Path("preview")
  @Consumes(MediaType.APPLICATION_JSON)
  public ChangePreview preview(ChangeRequest request) {
    return calibration.preview(required(request).toChange());
  }

  /** Applies a change (audited); refused with 422 and the reasons when out of bounds. */
  @POST
  @Path("apply")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed("ADMIN")
  public ChangePreview apply(ChangeRequest request) {
    return calibration.apply(required(request).toChange());
  }

  private static ChangeRequest required(ChangeRequest request) {
    if (request == null) {
      throw new InvalidInputException(List.of("A JSON body with the proposed change is required."));
    }
    return request;
  }
}
