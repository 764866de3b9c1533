package dev.facegate.web.security;

import dev.facegate.accounts.boundary.PortalAccounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;

/** Checks console credentials against the accounts stored by FaceGate; the role is the group. */
@ApplicationScoped
public class PortalIdentityStore implements IdentityStore {

  @Inject PortalAccounts accounts;

  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (!(credential instanceof UsernamePasswordCredential login)) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    return accounts
        .verify(login.getCaller(), login.getPassword().getValue())
        .map(role -> new CredentialValidationResult(login.getCaller(), Set.of(role.name())))
        .orElse(CredentialValidationResult.INVALID_RESULT);
  }
}
