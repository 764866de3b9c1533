package dev.facegate.accounts.boundary;

import dev.facegate.accounts.control.AccountRepository;
import dev.facegate.domain.accounts.PortalAccount;
import dev.facegate.domain.accounts.Role;
import dev.facegate.platform.BusinessException;
import dev.facegate.platform.InvalidInputException;
import dev.facegate.platform.Roles;
import dev.facegate.platform.control.PasswordHasher;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Checks console credentials for the web layer's authentication mechanism. */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class PortalAccounts {

  /**
   * Hash of a random password nobody knows: checked when the username does not exist, so an unknown
   * user takes as long to refuse as a wrong password.
   */
  private static final String DECOY_HASH = new PasswordHasher().hash("decoy".toCharArray());

  private final PasswordHasher hasher = new PasswordHasher();

  /** Shortest password a new console account may have. */
  public static final int MIN_PASSWORD_LENGTH = 12;

  @Inject AccountRepository accounts;

  @Inject Clock clock;

  @Inject Validator validator;

  /**
   * The role of the account if the username exists, is enabled and the password matches; otherwise
   * empty. Never says which of the three failed.
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  @PermitAll
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

  /**
   * Opens a console account. The password is hashed at once and never stored or logged.
   *
   * @throws InvalidInputException if the username is not 3 to 64 lower-case letters, digits, '.',
   *     '-' or '_', the role is missing or the password shorter than {@value #MIN_PASSWORD_LENGTH}
   * @throws BusinessException if the username is taken
   */
  public PortalAccount create(String username, char[] password, Role role) {
    String name = username == null ? "" : username.strip();
    if (password == null || password.length < MIN_PASSWORD_LENGTH) {
      throw new InvalidInputException(
          List.of("The password must have at least " + MIN_PASSWORD_LENGTH + " characters."));
    }
    if (role == null) {
      throw new InvalidInputException(List.of("Choose a role: ADMIN or HR."));
    }
    if (accounts.findByUsername(name).isPresent()) {
      throw new BusinessException("The username " + name + " is already taken.");
    }
    PortalAccount account = new PortalAccount(name, hasher.hash(password), role, clock.instant());
    Set<ConstraintViolation<PortalAccount>> violations = validator.validate(account);
    if (!violations.isEmpty()) {
      throw new InvalidInputException(
          List.of("The username must be 3 to 64 lower-case letters, digits, '.', '-' or '_'."));
    }
    accounts.add(account);
    return account;
  }

  /** All console accounts by username. */
  public List<PortalAccount> list() {
    return accounts.findAll();
  }
}
