package dev.facegate.accounts.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Login failures (the throttle and the lockout) and recently verified credentials. The failures are
 * in the database ({@link LoginFailures}), shared by every node: spreading guesses over n nodes
 * buys no more than one node allows, and a lockout holds on all of them and across restarts (the
 * way back in for a locked-out administrator is another administrator's unlock, or waiting out
 * {@code facegate.login.lockout-minutes}). The credential cache is a per-node performance cache
 * only.
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

  @Resource(lookup = "java:jboss/datasources/FaceGateDS")
  DataSource dataSource;

  private LoginThrottle accounts;
  private LoginThrottle addresses;
  private LoginFailures accountFailures;
  private LoginFailures addressFailures;
  private CredentialCache credentials;

  @PostConstruct
  void start() {
    Duration initial = Duration.ofMillis(backoffInitialMs);
    Duration max = Duration.ofSeconds(backoffMaxSeconds);
    Duration lockout = Duration.ofMinutes(lockoutMinutes);
    accountFailures = new LoginFailures(dataSource, "account");
    addressFailures = new LoginFailures(dataSource, "address");
    accounts =
        new LoginThrottle(
            new LoginThrottle.Settings(
                backoffAfterFailures, initial, max, lockoutFailures, lockout),
            clock,
            accountFailures);
    // Addresses are never locked (many people may share one), only slowed down.
    addresses =
        new LoginThrottle(
            new LoginThrottle.Settings(
                addressBackoffAfterFailures, initial, max, Integer.MAX_VALUE, lockout),
            clock,
            addressFailures);
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

  /** Deletes forgotten failures. Every node runs it; the second run finds nothing to delete. */
  @Schedule(hour = "*", minute = "*/10", persistent = false)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void purge() {
    Duration lockout = Duration.ofMinutes(lockoutMinutes);
    accountFailures.purge(clock.instant(), lockout);
    addressFailures.purge(clock.instant(), lockout);
  }
}
