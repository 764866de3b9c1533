package dev.facegate.accounts.control;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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
 * lower case. Plain Java with a clock, so the rules are tested without a server.
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

  private record Failures(int count, Instant last, Instant lockedUntil) {}

  private final Settings settings;
  private final Clock clock;
  private final Map<String, Failures> failures = new ConcurrentHashMap<>();

  public LoginThrottle(Settings settings, Clock clock) {
    this.settings = requireNonNull(settings, "settings are required");
    this.clock = requireNonNull(clock, "clock is required");
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
    if (failures.size() > PURGE_ABOVE) {
      failures.values().removeIf(old -> isForgotten(old, now));
    }
    Failures updated = failures.compute(normal(key), (k, old) -> next(old, now));
    return updated.lockedUntil() != null && updated.count() == settings.lockoutFailures();
  }

  /** A success clears the key's failures. */
  public void succeeded(String key) {
    failures.remove(normal(key));
  }

  /**
   * Lifts a lockout and forgets the key's failures.
   *
   * @return true if the key was locked
   */
  public boolean unlock(String key) {
    String normal = normal(key);
    Failures current = current(normal, clock.instant());
    failures.remove(normal);
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
    Failures current = failures.get(key);
    if (current != null && isForgotten(current, now)) {
      failures.remove(key, current);
      return null;
    }
    return current;
  }

  /** Failures are forgotten, and a lockout ends, once the lockout time has passed. */
  private boolean isForgotten(Failures old, Instant now) {
    if (old == null) {
      return true;
    }
    Instant end =
        old.lockedUntil() != null ? old.lockedUntil() : old.last().plus(settings.lockout());
    return !now.isBefore(end);
  }

  private static String normal(String key) {
    return key == null ? "" : key.strip().toLowerCase(Locale.ROOT);
  }
}
