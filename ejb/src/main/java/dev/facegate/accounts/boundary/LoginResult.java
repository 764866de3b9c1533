package dev.facegate.accounts.boundary;

import static java.util.Objects.requireNonNull;

import dev.facegate.domain.accounts.Role;
import java.time.Instant;
import java.util.Optional;

/**
 * The answer to a login attempt (console form or HTTP Basic).
 *
 * @param outcome what happened
 * @param role the account's role when {@link Outcome#ACCEPTED}, otherwise null
 * @param retryAt when another attempt may be made, when {@link Outcome#THROTTLED} or {@link
 *     Outcome#LOCKED}, otherwise null
 */
public record LoginResult(Outcome outcome, Role role, Instant retryAt) {

  /** What happened to a login attempt. */
  public enum Outcome {
    /** The credentials are right and the account is enabled. */
    ACCEPTED,
    /** Wrong username or password, or a disabled account: never says which. */
    REJECTED,
    /** Too many recent failures for this account or address: not checked, try again later. */
    THROTTLED,
    /** Too many failures in a row: the account name is locked until {@code retryAt}. */
    LOCKED
  }

  public LoginResult {
    requireNonNull(outcome, "outcome is required");
  }

  static LoginResult accepted(Role role) {
    return new LoginResult(Outcome.ACCEPTED, requireNonNull(role, "role is required"), null);
  }

  static LoginResult rejected() {
    return new LoginResult(Outcome.REJECTED, null, null);
  }

  static LoginResult refused(boolean locked, Instant retryAt) {
    return new LoginResult(locked ? Outcome.LOCKED : Outcome.THROTTLED, null, retryAt);
  }

  /** The role, if the login was accepted. */
  public Optional<Role> acceptedRole() {
    return Optional.ofNullable(role);
  }
}
