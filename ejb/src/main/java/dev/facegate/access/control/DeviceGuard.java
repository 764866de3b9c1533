package dev.facegate.access.control;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Per-server memory of recent signatures (replay protection), of each device's request rate, and of
 * the passes issued to requests whose headers were authenticated but whose body is still to come. A
 * signature is only valid inside the timestamp window, so remembering it for that window is enough.
 * In a cluster each node keeps its own memory; a replay would have to reach another node within the
 * window and is still bound to the same body and door.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DeviceGuard {

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "facegate.devices.signature-window-seconds")
  int windowSeconds;

  /** Sustained requests per second a device may send. */
  @Inject
  @ConfigProperty(name = "facegate.devices.rate-per-second")
  double ratePerSecond;

  /** Requests a device may send in a burst above the sustained rate. */
  @Inject
  @ConfigProperty(name = "facegate.devices.rate-burst")
  double burst;

  private final Map<String, Instant> seenSignatures = new ConcurrentHashMap<>();
  private final Map<Long, TokenBucket> buckets = new ConcurrentHashMap<>();

  private static final double PAIRING_BURST = 5;
  private static final double PAIRING_PER_SECOND = 1.0 / 12;

  private final Map<String, TokenBucket> pairingBuckets = new ConcurrentHashMap<>();
  private final Map<String, PendingRequest> passes = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();

  public Duration window() {
    return Duration.ofSeconds(windowSeconds);
  }

  /**
   * Remembers a signature.
   *
   * @return false if it was already seen inside the window (a replay)
   */
  public boolean firstUse(String signature) {
    Instant now = clock.instant();
    if (seenSignatures.size() > 10_000) {
      seenSignatures.values().removeIf(seen -> seen.isBefore(now.minus(window()).minus(window())));
    }
    return seenSignatures.putIfAbsent(signature.toLowerCase(java.util.Locale.ROOT), now) == null;
  }

  /**
   * Keeps a request whose headers were authenticated until its body arrives.
   *
   * @return the pass's random id
   */
  public String issue(PendingRequest pending) {
    Instant now = clock.instant();
    if (passes.size() > 10_000) {
      passes.values().removeIf(p -> p.issuedAt().isBefore(now.minus(window())));
    }
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    passes.put(id, pending);
    return id;
  }

  /** Takes a pass back, once; empty when unknown, already redeemed or older than the window. */
  public Optional<PendingRequest> redeem(String id) {
    PendingRequest pending = id == null ? null : passes.remove(id);
    if (pending == null || pending.issuedAt().isBefore(clock.instant().minus(window()))) {
      return Optional.empty();
    }
    return Optional.of(pending);
  }

  /**
   * Whether a client address may try a pairing code now: it may fail 5 times at once, then once per
   * 12 seconds (successes cost nothing). With 50-bit codes that live 10 minutes this makes guessing
   * hopeless, while a person who mistypes twice is never held up.
   */
  public boolean mayTryPairing(String clientAddress) {
    return pairingBucket(clientAddress).hasToken(clock.millis());
  }

  /** Counts a wrong pairing code against the client address. */
  public void failedPairing(String clientAddress) {
    pairingBucket(clientAddress).tryAcquire(clock.millis());
  }

  private TokenBucket pairingBucket(String clientAddress) {
    if (pairingBuckets.size() > 10_000) {
      pairingBuckets.clear();
    }
    return pairingBuckets.computeIfAbsent(
        String.valueOf(clientAddress),
        address -> new TokenBucket(PAIRING_BURST, PAIRING_PER_SECOND, clock.millis()));
  }

  /** Takes one request from the device's budget; false when it is exhausted. */
  public boolean tryAcquire(long deviceId) {
    return buckets
        .computeIfAbsent(deviceId, id -> new TokenBucket(burst, ratePerSecond, clock.millis()))
        .tryAcquire(clock.millis());
  }

  /** A classic token bucket: holds up to {@code capacity}, refills at {@code perSecond}. */
  static final class TokenBucket {
    private final double capacity;
    private final double perMilli;
    private double tokens;
    private long lastMillis;

    TokenBucket(double capacity, double perSecond, long nowMillis) {
      this.capacity = capacity;
      this.perMilli = perSecond / 1000.0;
      this.tokens = capacity;
      this.lastMillis = nowMillis;
    }

    synchronized boolean hasToken(long nowMillis) {
      tokens = Math.min(capacity, tokens + Math.max(0, nowMillis - lastMillis) * perMilli);
      lastMillis = Math.max(lastMillis, nowMillis);
      return tokens >= 1;
    }

    synchronized boolean tryAcquire(long nowMillis) {
      tokens = Math.min(capacity, tokens + Math.max(0, nowMillis - lastMillis) * perMilli);
      lastMillis = Math.max(lastMillis, nowMillis);
      if (tokens >= 1) {
        tokens -= 1;
        return true;
      }
      return false;
    }
  }
}
