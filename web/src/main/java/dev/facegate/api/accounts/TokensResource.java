package dev.facegate.api.accounts;

import dev.facegate.accounts.boundary.ApiTokens;
import dev.facegate.accounts.boundary.IssuedApiToken;
import dev.facegate.domain.accounts.ApiToken;
import dev.facegate.platform.InvalidInputException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Personal API tokens of the calling user ({@code Authorization: Bearer}); an administrator may
 * also list ({@code ?all=true}) and revoke everybody's.
 */
@Path("v1/tokens")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"ADMIN", "HR"})
public class TokensResource {

  @Inject ApiTokens tokens;

  /** A token as the API shows it; never its secret or hash. */
  public record TokenView(
      long id, String owner, String name, Instant createdAt, Instant expiresAt, Instant revokedAt) {

    static TokenView of(ApiToken t) {
      return new TokenView(
          t.getId(),
          t.getOwner(),
          t.getName(),
          t.getCreatedAt(),
          t.getExpiresAt(),
          t.getRevokedAt());
    }
  }

  /** A new token with its secret: the only response that ever contains it. */
  public record CreatedToken(TokenView token, String secret) {}

  /** Body of a create request: a name and an ISO-8601 expiry, e.g. 2026-12-31T00:00:00Z. */
  public record CreateTokenRequest(String name, String expiresAt) {}

  @GET
  public List<TokenView> list(@QueryParam("all") boolean all, @Context SecurityContext caller) {
    if (all && !caller.isUserInRole("ADMIN")) {
      throw new ForbiddenException();
    }
    return (all ? tokens.all() : tokens.mine()).stream().map(TokenView::of).toList();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(CreateTokenRequest request) {
    if (request == null) {
      throw new InvalidInputException(List.of("A JSON body with name and expiresAt is required."));
    }
    Instant expiresAt;
    try {
      expiresAt = request.expiresAt() == null ? null : Instant.parse(request.expiresAt().strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          List.of("expiresAt: an ISO-8601 instant, e.g. 2026-12-31T00:00:00Z."));
    }
    IssuedApiToken issued = tokens.create(request.name(), expiresAt);
    return Response.status(Response.Status.CREATED)
        .header("Cache-Control", "no-store")
        .entity(new CreatedToken(TokenView.of(issued.token()), issued.secret()))
        .build();
  }

  @DELETE
  @Path("{id}")
  // No body; declared anyway so that a cross-site form post (form or text/plain) gets 415.
  @Consumes(MediaType.APPLICATION_JSON)
  public TokenView revoke(@PathParam("id") long id) {
    return TokenView.of(tokens.revoke(id));
  }
}
