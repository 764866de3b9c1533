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

/** The recognition operating point. HR reads it, administrators change it. */
@Path("v1/settings/recognition")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"ADMIN", "HR"})
public class SettingsResource {

  @Inject Settings settings;

  /** The settings as the API shows and accepts them. */
  public record SettingsView(
      double threshold,
      double margin,
      int duplicateWindowSeconds,
      Instant updatedAt,
      String updatedBy) {

    static SettingsView of(RecognitionSettings s) {
      return new SettingsView(
          s.defaults().threshold(),
          s.defaults().margin(),
          s.getDuplicateWindowSeconds(),
          s.getUpdatedAt(),
          s.getUpdatedBy());
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
