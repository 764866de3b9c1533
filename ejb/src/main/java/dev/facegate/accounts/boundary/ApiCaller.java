package dev.facegate.accounts.boundary;

import static java.util.Objects.requireNonNull;

import dev.facegate.domain.accounts.Role;

/** Who a valid API token acts for: its owner, with the owner's current role. */
public record ApiCaller(String username, Role role) {

  public ApiCaller {
    requireNonNull(username, "username is required");
    requireNonNull(role, "role is required");
  }
}
