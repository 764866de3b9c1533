package dev.facegate.access.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The door's guards: replay protection (signatures seen inside the timestamp window), each device's
 * request rate, the pairing attempts per client address, and the passes issued to requests whose
 * headers were authenticated but whose body is still to come. A signature is only valid inside the
 * window, so remembering it for that window is enough.
 *
 * <p>Signatures and rate buckets are shared by every node of a cluster through the database ({@link
 * DeviceLedger}): a request accepted on one node is a replay on every other, and a device's limit
 * is one limit, not one per node. Those calls run outside any transaction (each statement commits
 * at once), so a door refused later in its request still spent its signature and its token. Passes
 * stay in this node's memory: a pass is issued and redeemed within one HTTP request.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DeviceGuard {

  @Inject Clock clock;

  @Resource(lookup = "java:jboss/datasources/FaceGateDS")
  DataSource dataSource;

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

  /** A client address may fail 5 pairing codes at once, then once per 12 seconds. */
  private static final DeviceLedger.RateLimit PAIRING = new DeviceLedger.RateLimit(5, 1.0 / 12);

  private DeviceLedger ledger;
  private DeviceLedger.RateLimit deviceRate;
  private final Map<String, PendingRequest> passes = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();

  @PostConstruct
  void start() {
    ledger = new DeviceLedger(dataSource);
    deviceRate = new DeviceLedger.RateLimit(burst, ratePerSecond);
  }

  public Duration window() {
    return Duration.ofSeconds(windowSeconds);
  }

  /**
   * Remembers a signature, for every node.
   *
   * @return false if it was already seen inside the window (a replay)
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public boolean firstUse(String signature) {
    return ledger.firstUse(signature, clock.instant());
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
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public boolean mayTryPairing(String clientAddress) {
    return ledger.hasToken(pairingKey(clientAddress), PAIRING, clock.millis());
  }

  /** Counts a wrong pairing code against the client address. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void failedPairing(String clientAddress) {
    ledger.tryAcquire(pairingKey(clientAddress), PAIRING, clock.millis());
  }

  /**
   * Takes one request from the device's budget, shared by all nodes; false when it is exhausted.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public boolean tryAcquire(long deviceId) {
    return ledger.tryAcquire("device:" + deviceId, deviceRate, clock.millis());
  }

  /**
   * Forgets signatures older than twice the window and buckets idle long enough to be full again.
   * Every node runs it; a second run in the same minute finds nothing to delete.
   */
  @Schedule(hour = "*", minute = "*", persistent = false)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void purge() {
    Instant now = clock.instant();
    long idle = Math.max(deviceRate.refillMillis(), PAIRING.refillMillis());
    ledger.purge(now.minus(window()).minus(window()), now.toEpochMilli() - idle);
  }

  private static String pairingKey(String clientAddress) {
    String address = String.valueOf(clientAddress);
    // Keys are bounded by the column; an address never comes near, but a header might.
    return "pairing:" + (address.length() > 100 ? DeviceLedger.digest(address) : address);
  }
}
