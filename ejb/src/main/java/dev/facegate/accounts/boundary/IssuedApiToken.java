package dev.facegate.accounts.boundary;

import static java.util.Objects.requireNonNull;

import dev.facegate.domain.accounts.ApiToken;

/** A token just created: the only time its clear value exists outside its owner's hands. */
public record IssuedApiToken(ApiToken token, String secret) {

  public IssuedApiToken {
    requireNonNull(token, "token is required");
    requireNonNull(secret, "secret is required");
  }
}
