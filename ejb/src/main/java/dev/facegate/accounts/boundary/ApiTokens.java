package dev.facegate.accounts.boundary;

import dev.facegate.accounts.control.AccountRepository;
import dev.facegate.accounts.control.ApiTokenRepository;
import dev.facegate.accounts.control.ApiTokenSecrets;
import dev.facegate.domain.accounts.ApiToken;
import dev.facegate.domain.accounts.PortalAccount;
import dev.facegate.domain.audit.AuditAction;
import dev.facegate.platform.InvalidInputException;
import dev.facegate.platform.NotFoundException;
import dev.facegate.platform.Roles;
import dev.facegate.platform.control.AuditLog;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Personal API tokens: a console user creates them for REST clients ({@code Authorization:
 * Bearer}), sees each one once, and revokes them; an administrator may revoke anybody's. A token
 * acts with its owner's current role.
 */
@Stateless
@RolesAllowed({Roles.ADMIN, Roles.HR})
public class ApiTokens {

  /** Longest name of a token. */
  public static final int MAX_NAME_LENGTH = 100;

  @Inject ApiTokenRepository tokens;

  @Inject AccountRepository accounts;

  @Inject AuditLog audit;

  @Inject Clock clock;

  @Resource SessionContext session;

  /** Longest lifetime of a token, in days. */
  @Inject
  @ConfigProperty(name = "facegate.api.token-max-days")
  int maxDays;

  /**
   * Creates a token for the calling user. The returned secret is shown once; only its SHA-256 is
   * stored.
   *
   * @throws InvalidInputException if the name is blank or too long, or the expiry is not in the
   *     future or further away than {@code facegate.api.token-max-days}
   */
  public IssuedApiToken create(String name, Instant expiresAt) {
    Instant now = clock.instant();
    List<String> problems = new ArrayList<>();
    if (name == null || name.isBlank() || name.strip().length() > MAX_NAME_LENGTH) {
      problems.add("name: give the token a name of 1 to " + MAX_NAME_LENGTH + " characters.");
    }
    if (expiresAt == null || !expiresAt.isAfter(now)) {
      problems.add("expiresAt: the expiry must be in the future.");
    } else if (expiresAt.isAfter(now.plus(Duration.ofDays(maxDays)))) {
      problems.add("expiresAt: a token may live at most " + maxDays + " days.");
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    String owner = session.getCallerPrincipal().getName();
    String secret = ApiTokenSecrets.newToken();
    ApiToken token = new ApiToken(owner, name, ApiTokenSecrets.hash(secret), now, expiresAt);
    tokens.add(token);
    audit.record(
        AuditAction.API_TOKEN_CREATED,
        owner,
        "Token '" + token.getName() + "' expiring " + expiresAt);
    return new IssuedApiToken(token, secret);
  }

  /** The calling user's tokens, newest first (never their secrets). */
  public List<ApiToken> mine() {
    return tokens.findByOwner(session.getCallerPrincipal().getName());
  }

  /** Every user's tokens, newest first. */
  @RolesAllowed(Roles.ADMIN)
  public List<ApiToken> all() {
    return tokens.findAll();
  }

  /**
   * Revokes a token of the calling user, or anybody's for an administrator.
   *
   * @throws NotFoundException if there is no such token that the caller may revoke
   */
  public ApiToken revoke(long id) {
    String caller = session.getCallerPrincipal().getName();
    ApiToken token =
        tokens
            .find(id)
            .filter(t -> t.getOwner().equals(caller) || session.isCallerInRole(Roles.ADMIN))
            .orElseThrow(() -> new NotFoundException("There is no API token " + id + "."));
    if (token.getRevokedAt() == null) {
      token.revoke(clock.instant());
      audit.record(
          AuditAction.API_TOKEN_REVOKED, token.getOwner(), "Token '" + token.getName() + "'");
    }
    return token;
  }

  /**
   * Who a presented token acts for: empty if it is unknown, expired or revoked, or its owner's
   * account is disabled. One indexed lookup; no slow hash (see {@link ApiTokenSecrets}).
   */
  @PermitAll
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<ApiCaller> authenticate(String secret) {
    if (secret == null || !secret.startsWith(ApiTokenSecrets.PREFIX)) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    return tokens
        .findByHash(ApiTokenSecrets.hash(secret.strip()))
        .filter(token -> token.isUsableAt(now))
        .flatMap(token -> accounts.findByUsername(token.getOwner()))
        .filter(PortalAccount::isEnabled)
        .map(account -> new ApiCaller(account.getUsername(), account.getRole()));
  }
}
