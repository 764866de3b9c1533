package dev.facegate.accounts.boundary;

import dev.facegate.accounts.control.AccountRepository;
import dev.facegate.accounts.control.PasswordHasher;
import dev.facegate.domain.accounts.PortalAccount;
import dev.facegate.domain.accounts.Role;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Optional;

/** Checks console credentials for the web layer's authentication mechanism. */
@Stateless
public class PortalAccounts {

  /**
   * Hash of a random password nobody knows: checked when the username does not exist, so an unknown
   * user takes as long to refuse as a wrong password.
   */
  private static final String DECOY_HASH = new PasswordHasher().hash("decoy".toCharArray());

  private final PasswordHasher hasher = new PasswordHasher();

  @Inject AccountRepository accounts;

  /**
   * The role of the account if the username exists, is enabled and the password matches; otherwise
   * empty. Never says which of the three failed.
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<Role> verify(String username, char[] password) {
    Optional<PortalAccount> account =
        Optional.ofNullable(username).map(String::strip).flatMap(accounts::findByUsername);
    if (account.isEmpty()) {
      hasher.matches(password, DECOY_HASH);
      return Optional.empty();
    }
    boolean matches = hasher.matches(password, account.get().getPasswordHash());
    return matches && account.get().isEnabled()
        ? Optional.of(account.get().getRole())
        : Optional.empty();
  }
}
