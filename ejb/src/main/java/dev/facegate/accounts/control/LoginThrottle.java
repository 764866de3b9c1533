package dev.facegate.accounts.control;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Counts failed logins per key (an account name, or a client address), so that guessing passwords
 * gets slower and then stops:
 *
 * <ul>
 *   <li>after {@code backoffAfter} failures in a row, each further attempt must wait an exponential
 *       back-off ({@code initialBackoff}, doubled per failure, at most {@code maxBackoff}); an
 *       attempt inside the wait is refused without checking the password, so it costs nothing;
 *   <li>after {@code lockoutFailures} failures in a row the key is locked for {@code lockout} (or
 *       until it is unlocked).
 * </ul>
 *
 * Failures are forgotten after {@code lockout} without a new one. Keys are compared stripped and in
 * lower case. Plain Java with a clock, so the rules are tested without a server; the failures are
 * kept in a {@link Ledger}: this JVM's memory, or the database shared by every node ({@link
 * LoginFailures}), so that spreading guesses over n nodes does not buy n times the budget.
 */
public final class LoginThrottle {

  /** Beyond this many remembered keys, forgotten ones are purged (bounds memory under a spray). */
  static final int PURGE_ABOVE = 10_000;

  /** The settings of a throttle; {@code lockoutFailures} {@link Integer#MAX_VALUE}: never lock. */
  public record Settings(
      int backoffAfter,
      Duration initialBackoff,
      Duration maxBackoff,
      int lockoutFailures,
      Duration lockout) {

    public Settings {
      if (backoffAfter < 0 || lockoutFailures < 1) {
        throw new IllegalArgumentException("failure counts must be positive");
      }
      requireNonNull(initialBackoff, "initial back-off is required");
      requireNonNull(maxBackoff, "maximum back-off is required");
      requireNonNull(lockout, "lockout is required");
    }
  }

  /** Why an attempt may not be checked now, and when it may be. */
  public record Refusal(boolean locked, Instant retryAt) {}

  /** A key's failures in a row: how many, the last one, and the end of its lockout if locked. */
  public record Failures(int count, Instant last, Instant lockedUntil) {}

  /** Where the failures are kept; keys arrive normalised. */
  public interface Ledger {

    /** The key's failures, or null. */
    Failures find(String key);

    /**
     * Replaces the key's failures by {@code next} applied to them (null when there are none),
     * atomically: concurrent failures of one key, on any node, are all counted.
     */
    Failures update(String key, UnaryOperator<Failures> next);

    void remove(String key);

    /**
     * Drops entries whose failures were forgotten at {@code now}, if the ledger is large enough to
     * care (a memory ledger bounds itself under a spray; a database ledger is purged on a
     * schedule).
     */
    void purgeIfLarge(Instant now, Duration lockout);
  }

  private final Settings settings;
  private final Clock clock;
  private final Ledger ledger;

  /** A throttle that keeps its failures in this JVM's memory. */
  public LoginThrottle(Settings settings, Clock clock) {
    this(settings, clock, new InMemory());
  }

  public LoginThrottle(Settings settings, Clock clock, Ledger ledger) {
    this.settings = requireNonNull(settings, "settings are required");
    this.clock = requireNonNull(clock, "clock is required");
    this.ledger = requireNonNull(ledger, "a ledger is required");
  }

  public Settings settings() {
    return settings;
  }

  /** Empty if an attempt for this key may be checked now. */
  public Optional<Refusal> refusal(String key) {
    Instant now = clock.instant();
    Failures current = current(normal(key), now);
    if (current == null) {
      return Optional.empty();
    }
    if (current.lockedUntil() != null) {
      return Optional.of(new Refusal(true, current.lockedUntil()));
    }
    Instant retryAt = retryAt(current);
    return retryAt != null && now.isBefore(retryAt)
        ? Optional.of(new Refusal(false, retryAt))
        : Optional.empty();
  }

  /**
   * Counts a failed attempt.
   *
   * @return true if exactly this failure locked the key (the caller audits it once)
   */
  public boolean failed(String key) {
    Instant now = clock.instant();
    ledger.purgeIfLarge(now, settings.lockout());
    Failures updated = ledger.update(normal(key), old -> next(old, now));
    return updated.lockedUntil() != null && updated.count() == settings.lockoutFailures();
  }

  /** A success clears the key's failures. */
  public void succeeded(String key) {
    ledger.remove(normal(key));
  }

  /**
   * Lifts a lockout and forgets the key's failures.
   *
   * @return true if the key was locked
   */
  public boolean unlock(String key) {
    String normal = normal(key);
    Failures current = current(normal, clock.instant());
    ledger.remove(normal);
    return current != null && current.lockedUntil() != null;
  }

  /** Until when the key is locked, if it is. */
  public Optional<Instant> lockedUntil(String key) {
    Failures current = current(normal(key), clock.instant());
    return Optional.ofNullable(current == null ? null : current.lockedUntil());
  }

  private Failures next(Failures old, Instant now) {
    int count = isForgotten(old, now) ? 1 : old.count() + 1;
    Instant lockedUntil = count >= settings.lockoutFailures() ? now.plus(settings.lockout()) : null;
    return new Failures(count, now, lockedUntil);
  }

  /** When the next attempt is allowed after these failures, or null if at once. */
  private Instant retryAt(Failures current) {
    if (current.count() < settings.backoffAfter()) {
      return null;
    }
    int doublings = Math.min(current.count() - settings.backoffAfter(), 30);
    Duration wait = settings.initialBackoff().multipliedBy(1L << doublings);
    if (wait.compareTo(settings.maxBackoff()) > 0) {
      wait = settings.maxBackoff();
    }
    return current.last().plus(wait);
  }

  private Failures current(String key, Instant now) {
    Failures current = ledger.find(key);
    return current == null || isForgotten(current, now) ? null : current;
  }

  private boolean isForgotten(Failures old, Instant now) {
    return isForgotten(old, now, settings.lockout());
  }

  /** Failures are forgotten, and a lockout ends, once the lockout time has passed. */
  static boolean isForgotten(Failures old, Instant now, Duration lockout) {
    if (old == null) {
      return true;
    }
    Instant end = old.lockedUntil() != null ? old.lockedUntil() : old.last().plus(lockout);
    return !now.isBefore(end);
  }

  /** This JVM's memory: the ledger of a single server, and of the unit tests. */
  static final class InMemory implements Ledger {
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    @Override
    public Failures find(String key) {
      return failures.get(key);
    }

    @Override
    public Failures update(String key, UnaryOperator<Failures> next) {
      return failures.compute(key, (k, old) -> next.apply(old));
    }

    @Override
    public void remove(String key) {
      failures.remove(key);
    }

    @Override
    public void purgeIfLarge(Instant now, Duration lockout) {
      if (failures.size() > PURGE_ABOVE) {
        failures.values().removeIf(old -> isForgotten(old, now, lockout));
      }
    }
  }

  private static String normal(String key) {
    return key == null ? "" : key.strip().toLowerCase(Locale.ROOT);
  }
}
