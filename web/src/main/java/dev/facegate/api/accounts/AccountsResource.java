package dev.facegate.api.accounts;

import dev.facegate.accounts.boundary.PortalAccounts;
import dev.facegate.domain.accounts.PortalAccount;
import dev.facegate.domain.accounts.Role;
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
import java.util.Locale;

/** Console accounts: list, create, and lift a lockout after failed logins. Administrators only. */
@Path("v1/accounts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("ADMIN")
public class AccountsResource {

  @Inject PortalAccounts accounts;

  /** An account as the API shows it; never its password hash. */
  public record AccountView(
      String username, String role, boolean enabled, Instant createdAt, Instant lockedUntil) {}

  /** Body of a create request. */
  public record CreateAccountRequest(String username, String password, String role) {}

  @GET
  public List<AccountView> list() {
    return accounts.list().stream().map(this::view).toList();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(CreateAccountRequest request) {
    if (request == null) {
      throw new InvalidInputException(List.of("A JSON body with the account is required."));
    }
    Role role;
    try {
      role =
          request.role() == null
              ? null
              : Role.valueOf(request.role().strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(List.of("role must be ADMIN or HR."));
    }
    PortalAccount created =
        accounts.create(
            request.username(),
            request.password() == null ? null : request.password().toCharArray(),
            role);
    return Response.status(Response.Status.CREATED).entity(view(created)).build();
  }

  /** Lifts the lockout of an account (audited); 404 if there is no such account. */
  @POST
  @Path("{username}/unlock")
  // No body; declared anyway so that a cross-site form post (form or text/plain) gets 415.
  @Consumes(MediaType.APPLICATION_JSON)
  public AccountView unlock(@PathParam("username") String username) {
    accounts.unlock(username);
    return accounts.list().stream()
        .filter(a -> a.getUsername().equals(username.strip()))
        .findFirst()
        .map(this::view)
        .orElseThrow();
  }

  private AccountView view(PortalAccount account) {
    return new AccountView(
        account.getUsername(),
        account.getRole().name(),
        account.isEnabled(),
        account.getCreatedAt(),
        accounts.lockedUntil(account.getUsername()).orElse(null));
  }
}
