package dev.facegate.accounts.control;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers, for a short time, which username and password pairs were just verified, so that a REST
 * client sending HTTP Basic on every call does not cost a PBKDF2 run (about 200 ms of CPU) each
 * time.
 *
 * <p>The key is SHA-256 over a random salt made at start (never stored or shown), the username and
 * the password: the cache holds no password, and its keys cannot be checked against a guess without
 * the salt. An entry remembers the stored password hash it was verified against; the caller
 * compares it with the account's current hash, so a changed password invalidates the entry at once,
 * whatever code changed it. Entries expire after {@code timeToLive}.
 */
public final class CredentialCache {

  /** Beyond this many entries, expired ones are purged. */
  static final int PURGE_ABOVE = 10_000;

  private record Entry(String passwordHash, Instant expiresAt) {}

  private final byte[] salt = new byte[32];
  private final Duration timeToLive;
  private final Clock clock;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  public CredentialCache(Duration timeToLive, Clock clock) {
    this.timeToLive = requireNonNull(timeToLive, "time to live is required");
    this.clock = requireNonNull(clock, "clock is required");
    new SecureRandom().nextBytes(salt);
  }

  /**
   * The stored password hash these credentials were verified against within the time to live, if
   * any. The caller still checks it is the account's current hash.
   */
  public Optional<String> verifiedHash(String username, char[] password) {
    if (timeToLive.isZero()) {
      return Optional.empty();
    }
    String key = key(username, password);
    Entry entry = entries.get(key);
    if (entry == null) {
      return Optional.empty();
    }
    if (!clock.instant().isBefore(entry.expiresAt())) {
      entries.remove(key, entry);
      return Optional.empty();
    }
    return Optional.of(entry.passwordHash());
  }

  /** Remembers credentials that have just been verified against the given stored hash. */
  public void remember(String username, char[] password, String passwordHash) {
    if (timeToLive.isZero()) {
      return;
    }
    Instant now = clock.instant();
    if (entries.size() > PURGE_ABOVE) {
      entries.values().removeIf(entry -> !now.isBefore(entry.expiresAt()));
    }
    entries.put(key(username, password), new Entry(passwordHash, now.plus(timeToLive)));
  }

  /** Forgets every entry (e.g. after an account change that the hash comparison would not see). */
  public void clear() {
    entries.clear();
  }

  private String key(String username, char[] password) {
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the Java platform", e);
    }
    sha256.update(salt);
    sha256.update(username.getBytes(StandardCharsets.UTF_8));
    // A separator that cannot occur in a username keeps "ab"+"c" apart from "a"+"bc".
    sha256.update((byte) 0);
    ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
    byte[] passwordBytes = new byte[bytes.remaining()];
    bytes.get(passwordBytes);
    sha256.update(passwordBytes);
    Arrays.fill(passwordBytes, (byte) 0);
    return HexFormat.of().formatHex(sha256.digest());
  }
}
