package dev.facegate.accounts.boundary;

import dev.facegate.accounts.control.AccountGuard;
import dev.facegate.accounts.control.AccountRepository;
import dev.facegate.accounts.control.LoginThrottle;
import dev.facegate.accounts.control.SecurityAudit;
import dev.facegate.domain.accounts.PortalAccount;
import dev.facegate.domain.accounts.Role;
import dev.facegate.domain.audit.AuditAction;
import dev.facegate.platform.BusinessException;
import dev.facegate.platform.InvalidInputException;
import dev.facegate.platform.NotFoundException;
import dev.facegate.platform.Roles;
import dev.facegate.platform.control.AuditLog;
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
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Console accounts: the login check for the web layer's authentication mechanism (with its throttle
 * and lockout), and the administration of accounts.
 */
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

  @Inject AccountGuard guard;

  @Inject AuditLog audit;

  @Inject SecurityAudit securityAudit;

  /**
   * Checks a login (console form or HTTP Basic) and counts failures against the account name and
   * the client address. A throttled or locked attempt is refused before the password is checked, so
   * it costs nothing; an unknown username costs as much as a wrong password, and is counted and
   * locked the same way, so neither timing nor lockout tells which accounts exist. Credentials
   * verified in the last seconds ({@code facegate.api.credential-cache-seconds}) are accepted
   * without another PBKDF2 run while the account's stored hash is unchanged.
   *
   * @param clientAddress the address the attempt comes from, as the server sees it
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  @PermitAll
  public LoginResult logIn(String username, char[] password, String clientAddress) {
    String name = username == null ? "" : username.strip();
    char[] secret = password == null ? new char[0] : password;
    String address = clientAddress == null ? "" : clientAddress;
    Optional<LoginThrottle.Refusal> refusal =
        guard.accounts().refusal(name).or(() -> guard.addresses().refusal(address));
    if (refusal.isPresent()) {
      return LoginResult.refused(refusal.get().locked(), refusal.get().retryAt());
    }
    Optional<PortalAccount> account = accounts.findByUsername(name);
    boolean matches;
    if (account.isEmpty()) {
      hasher.matches(secret, DECOY_HASH);
      matches = false;
    } else {
      String stored = account.get().getPasswordHash();
      boolean recentlyVerified =
          guard.credentials().verifiedHash(name, secret).filter(stored::equals).isPresent();
      matches = recentlyVerified || hasher.matches(secret, stored);
      // Remembered only after a real PBKDF2 check: a busy client does not keep an entry alive.
      if (matches && !recentlyVerified) {
        guard.credentials().remember(name, secret, stored);
      }
    }
    if (matches && account.get().isEnabled()) {
      guard.accounts().succeeded(name);
      return LoginResult.accepted(account.get().getRole());
    }
    guard.addresses().failed(address);
    if (guard.accounts().failed(name)) {
      securityAudit.record(
          AuditAction.ACCOUNT_LOCKED,
          name,
          "Locked after "
              + guard.accounts().settings().lockoutFailures()
              + " failed logins in a row; the last from "
              + address);
    }
    return LoginResult.rejected();
  }

  /**
   * Lifts the lockout of an account and forgets its failed logins.
   *
   * @throws NotFoundException if there is no such account
   */
  public void unlock(String username) {
    String name = username == null ? "" : username.strip();
    if (accounts.findByUsername(name).isEmpty()) {
      throw new NotFoundException("There is no console account " + name + ".");
    }
    boolean wasLocked = guard.accounts().unlock(name);
    audit.record(
        AuditAction.ACCOUNT_UNLOCKED,
        name,
        wasLocked ? "Lockout lifted" : "Failed logins cleared (the account was not locked)");
  }

  /** Until when an account is locked after failed logins, if it is. */
  public Optional<Instant> lockedUntil(String username) {
    return guard.accounts().lockedUntil(username == null ? "" : username.strip());
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
