package dev.facegate.accounts.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The server's memory of login failures and of recently verified credentials, one per server
 * process. In a cluster each node keeps its own: an attacker spreading guesses over n nodes gets n
 * times the budget, which the lockout still bounds. A restart forgets lockouts; that is also the
 * way back in if every administrator is locked out.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class AccountGuard {

  @Inject Clock clock;

  /** Failures in a row (of an account name) before each further attempt has to wait. */
  @Inject
  @ConfigProperty(name = "facegate.login.backoff-after-failures")
  int backoffAfterFailures;

  /** Failures in a row from one client address before its attempts have to wait. */
  @Inject
  @ConfigProperty(name = "facegate.login.address-backoff-after-failures")
  int addressBackoffAfterFailures;

  @Inject
  @ConfigProperty(name = "facegate.login.backoff-initial-ms")
  long backoffInitialMs;

  @Inject
  @ConfigProperty(name = "facegate.login.backoff-max-seconds")
  long backoffMaxSeconds;

  @Inject
  @ConfigProperty(name = "facegate.login.lockout-failures")
  int lockoutFailures;

  @Inject
  @ConfigProperty(name = "facegate.login.lockout-minutes")
  long lockoutMinutes;

  @Inject
  @ConfigProperty(name = "facegate.api.credential-cache-seconds")
  long credentialCacheSeconds;

  private LoginThrottle accounts;
  private LoginThrottle addresses;
  private CredentialCache credentials;

  @PostConstruct
  void start() {
    Duration initial = Duration.ofMillis(backoffInitialMs);
    Duration max = Duration.ofSeconds(backoffMaxSeconds);
    Duration lockout = Duration.ofMinutes(lockoutMinutes);
    accounts =
        new LoginThrottle(
            new LoginThrottle.Settings(
                backoffAfterFailures, initial, max, lockoutFailures, lockout),
            clock);
    // Addresses are never locked (many people may share one), only slowed down.
    addresses =
        new LoginThrottle(
            new LoginThrottle.Settings(
                addressBackoffAfterFailures, initial, max, Integer.MAX_VALUE, lockout),
            clock);
    credentials = new CredentialCache(Duration.ofSeconds(credentialCacheSeconds), clock);
  }

  /** Failures per account name, known or not: the same rules, so they reveal no account. */
  public LoginThrottle accounts() {
    return accounts;
  }

  /** Failures per client address. */
  public LoginThrottle addresses() {
    return addresses;
  }

  public CredentialCache credentials() {
    return credentials;
  }
}
