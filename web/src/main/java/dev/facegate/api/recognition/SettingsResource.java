package dev.facegate.api.recognition;

import dev.facegate.domain.recognition.RecognitionSettings;
import dev.facegate.platform.InvalidInputException;
import dev.facegate.recognition.boundary.Settings;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The recognition operating point. HR reads it, administrators change it. */
@Path("v1/settings/recognition")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"ADMIN", "HR"})
public class SettingsResource {

  @Inject Settings settings;

  /**
   * A site's override of threshold and margin.
   *
   * @param threshold the site's threshold
   * @param margin the site's margin
   */
  public record SiteOverride(double threshold, double margin) {}

  /**
   * The settings as the API shows and accepts them. {@code siteOverrides} is shown only (set
   * through {@code /api/v1/recognition/calibration/apply}); a PUT ignores it.
   */
  public record SettingsView(
      double threshold,
      double margin,
      int duplicateWindowSeconds,
      Instant updatedAt,
      String updatedBy,
      Map<String, SiteOverride> siteOverrides) {

    static SettingsView of(RecognitionSettings s) {
      Map<String, SiteOverride> overrides = new TreeMap<>();
      s.getSiteOverrides()
          .forEach((site, t) -> overrides.put(site, new SiteOverride(t.threshold(), t.margin())));
      return new SettingsView(
          s.defaults().threshold(),
          s.defaults().margin(),
          s.getDuplicateWindowSeconds(),
          s.getUpdatedAt(),
          s.getUpdatedBy(),
          overrides);
    }
  }

  @GET
  public SettingsView get() {
    return SettingsView.of(settings.current());
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed("ADMIN")
  public SettingsView change(SettingsView request) {
    if (request == null) {
      throw new InvalidInputException(List.of("A JSON body with the settings is required."));
    }
    return SettingsView.of(
        settings.change(request.threshold(), request.margin(), request.duplicateWindowSeconds()));
  }
}
