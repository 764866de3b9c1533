package dev.facegate.api.access;

import dev.facegate.access.boundary.CreatedDevice;
import dev.facegate.access.boundary.Devices;
import dev.facegate.access.boundary.NewDevice;
import dev.facegate.domain.access.Device;
import dev.facegate.domain.access.DeviceKind;
import dev.facegate.platform.InvalidInputException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;

/** Kiosks and door controllers. Only administrators manage them. */
@Path("v1/devices")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("ADMIN")
public class DevicesResource {

  @Inject Devices devices;

  /** A device as the API shows it; never its token or token hash. */
  public record DeviceView(
      long id,
      String name,
      String kind,
      String site,
      String doorName,
      boolean enabled,
      Instant lastSeenAt,
      Instant createdAt) {

    static DeviceView of(Device d) {
      return new DeviceView(
          d.getId(),
          d.getName(),
          d.getKind().name(),
          d.getSite(),
          d.getDoorName(),
          d.isEnabled(),
          d.getLastSeenAt(),
          d.getCreatedAt());
    }
  }

  /** A device with its token: the only response that ever contains the token. */
  public record DeviceWithToken(DeviceView device, String token) {

    static DeviceWithToken of(CreatedDevice created) {
      return new DeviceWithToken(DeviceView.of(created.device()), created.token());
    }
  }

  /** Body of a create request. */
  public record CreateDeviceRequest(String name, String kind, String site, String doorName) {}

  @GET
  public List<DeviceView> list() {
    return devices.list().stream().map(DeviceView::of).toList();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(CreateDeviceRequest request) {
    if (request == null) {
      throw new InvalidInputException(List.of("A JSON body with the device is required."));
    }
    DeviceKind kind;
    try {
      kind =
          request.kind() == null
              ? null
              : DeviceKind.valueOf(request.kind().strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(List.of("kind must be KIOSK or DOOR."));
    }
    CreatedDevice created =
        devices.create(new NewDevice(request.name(), kind, request.site(), request.doorName()));
    return Response.status(Response.Status.CREATED)
        .header("Cache-Control", "no-store")
        .entity(DeviceWithToken.of(created))
        .build();
  }

  // No body; declared anyway so that a cross-site form post (form or text/plain) gets 415.
  @Consumes(MediaType.APPLICATION_JSON)
  @POST
  @Path("{id}/token")
  public Response rotate(@PathParam("id") long id) {
    return Response.ok(DeviceWithToken.of(devices.rotateToken(id)))
        .header("Cache-Control", "no-store")
        .build();
  }

  // No body; declared anyway so that a cross-site form post (form or text/plain) gets 415.
  @Consumes(MediaType.APPLICATION_JSON)
  @POST
  @Path("{id}/disable")
  public DeviceView disable(@PathParam("id") long id) {
    return DeviceView.of(devices.disable(id));
  }

  // No body; declared anyway so that a cross-site form post (form or text/plain) gets 415.
  @Consumes(MediaType.APPLICATION_JSON)
  @POST
  @Path("{id}/enable")
  public DeviceView enable(@PathParam("id") long id) {
    return DeviceView.of(devices.enable(id));
  }
}
