package dev.facegate.api.accounts;

import dev.facegate.accounts.boundary.PortalAccounts;
import dev.facegate.platform.InvalidInputException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The caller's own account: change one's password with the current one. */
@Path("v1/account")
@RolesAllowed({"ADMIN", "HR"})
public class OwnAccountResource {

  @Inject PortalAccounts accounts;

  /** Body of a password change. */
  public record PasswordChange(String currentPassword, String newPassword) {}

  /**
   * Changes the caller's password (audited).
   *
   * @return 204; 422 problem+json when the current password is wrong or the new one is refused
   */
  @PUT
  @Path("password")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response changePassword(PasswordChange change) {
    if (change == null || change.currentPassword() == null || change.newPassword() == null) {
      throw new InvalidInputException(
          List.of("A JSON body with currentPassword and newPassword is required."));
    }
    accounts.changeOwnPassword(
        change.currentPassword().toCharArray(), change.newPassword().toCharArray());
    return Response.noContent().build();
  }
}
