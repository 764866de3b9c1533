package dev.facegate.domain.access;

import static java.util.Objects.requireNonNull;

import dev.facegate.domain.attendance.FrameAgreement;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A kiosk or door controller. It signs its requests with an Ed25519 private key that it generated
 * and never sends; the server keeps only the public key ({@link #getPublicKey()}, X.509
 * SubjectPublicKeyInfo in base64), so neither the wire nor a database dump yields a credential.
 *
 * <p>A {@link #isLegacy() legacy} device uses the older token scheme instead: a random token that
 * the device presents, of which the server keeps a SHA-256 hash. New devices are not legacy;
 * registering a key for a legacy device ends its token for good.
 *
 * <p>{@link #getLastSeenAt()} is not written by flushing this entity (the column is not updatable
 * here): the door flow sets it with a one-column UPDATE, so a door request racing an
 * administrator's change can never write back a stale copy of the row. Every other change goes
 * through the optimistic lock ({@link Version}).
 */
@Entity
@Cacheable
@Table(name = "device")
@NamedQuery(name = Device.FIND_ALL, query = "SELECT d FROM Device d ORDER BY d.site, d.name")
public class Device {

  public static final String FIND_ALL = "Device.findAll";

  /** How precisely {@link #getLastSeenAt()} follows the device's requests. */
  public static final Duration LAST_SEEN_RESOLUTION = Duration.ofMinutes(1);

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @NotBlank
  @Size(max = 100)
  @Column(nullable = false, length = 100)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16, updatable = false)
  private DeviceKind kind;

  @NotBlank
  @Size(max = 100)
  @Column(nullable = false, length = 100)
  private String site;

  /** The door this controller opens; null for kiosks. */
  @Size(max = 100)
  @Column(name = "door_name", length = 100)
  private String doorName;

  /** Hex SHA-256 of the token; legacy devices only. */
  @Column(name = "token_hash", length = 128)
  private String tokenHash;

  /** The device's Ed25519 public key, X.509 SubjectPublicKeyInfo in base64; null for legacy. */
  @Column(name = "public_key", length = 200)
  private String publicKey;

  /** Whether the device uses the old token scheme instead of its own key. */
  @Column(nullable = false)
  private boolean legacy;

  @Column(nullable = false)
  private boolean enabled;

  /** Written only by a one-column UPDATE (see the class comment), never by a flush. */
  @Column(name = "last_seen_at", updatable = false)
  private Instant lastSeenAt;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  /** Hex SHA-256 of the one-time pairing code of a browser kiosk; null when none is pending. */
  @Column(name = "pairing_code_hash", length = 64)
  private String pairingCodeHash;

  @Column(name = "pairing_expires_at")
  private Instant pairingExpiresAt;

  /** Hex SHA-256 of the secret the paired kiosk browser holds; null while unpaired. */
  @Column(name = "kiosk_secret_hash", length = 64)
  private String kioskSecretHash;

  @Column(name = "paired_at")
  private Instant pairedAt;

  /** Multi-frame agreement of a kiosk: k of n frames within a timeout; null = the defaults. */
  @Column(name = "frames_required")
  private Integer framesRequired;

  @Column(name = "frames_window")
  private Integer framesWindow;

  @Column(name = "attempt_timeout_ms")
  private Integer attemptTimeoutMs;

  /** Whether a kiosk asks for the head-turn challenge; null = the default, on. */
  @Column(name = "liveness_challenge")
  private Boolean livenessChallenge;

  @Version private long version;

  /** For JPA only. */
  protected Device() {}

  private Device(String name, DeviceKind kind, String site, String doorName, Instant createdAt) {
    this.name = requireNonNull(name, "name is required").strip();
    this.kind = requireNonNull(kind, "kind is required");
    this.site = requireNonNull(site, "site is required").strip();
    if (kind == DeviceKind.DOOR && (doorName == null || doorName.isBlank())) {
      throw new IllegalArgumentException("a door controller needs the name of its door");
    }
    this.doorName = kind == DeviceKind.DOOR ? doorName.strip() : null;
    this.createdAt = requireNonNull(createdAt, "creation time is required");
    this.enabled = true;
  }

  /** A device that signs with its own key; {@code publicKey} is already checked by the caller. */
  public static Device withKey(
      String name,
      DeviceKind kind,
      String site,
      String doorName,
      String publicKey,
      Instant createdAt) {
    Device device = new Device(name, kind, site, doorName, createdAt);
    device.publicKey = requireNonNull(publicKey, "public key is required");
    return device;
  }

  /** A device on the old token scheme: only the token's hash is kept. */
  public static Device withLegacyToken(
      String name,
      DeviceKind kind,
      String site,
      String doorName,
      String tokenHash,
      Instant createdAt) {
    Device device = new Device(name, kind, site, doorName, createdAt);
    device.tokenHash = requireNonNull(tokenHash, "token hash is required");
    device.legacy = true;
    return device;
  }

  /**
   * A kiosk that runs in a browser: no key and no token; it is paired with a one-time code and then
   * authenticates with the secret its browser holds.
   */
  public static Device browserKiosk(String name, String site, Instant createdAt) {
    return new Device(name, DeviceKind.KIOSK, site, null, createdAt);
  }

  /** Whether this is a kiosk that pairs with a code (neither a key nor a token). */
  public boolean isBrowserKiosk() {
    return kind == DeviceKind.KIOSK && publicKey == null && !legacy;
  }

  /**
   * Issues a pairing code (its hash is stored) valid until {@code expiresAt}; a previous code stops
   * working. The kiosk already paired stays paired until the new code is used.
   */
  public void issuePairingCode(String codeHash, Instant expiresAt) {
    if (!isBrowserKiosk()) {
      throw new IllegalStateException("only a browser kiosk pairs with a code");
    }
    this.pairingCodeHash = requireNonNull(codeHash, "code hash is required");
    this.pairingExpiresAt = requireNonNull(expiresAt, "expiry is required");
  }

  /** Whether a pairing code is pending at {@code now} (issued, unused, not expired). */
  public boolean isPairingOpen(Instant now) {
    return pairingCodeHash != null && pairingExpiresAt != null && now.isBefore(pairingExpiresAt);
  }

  /**
   * Binds a browser with the secret whose hash is given: the code is used up, and any browser
   * paired before loses its credential at its next request.
   */
  public void pair(String secretHash, Instant now) {
    if (!isPairingOpen(now)) {
      throw new IllegalStateException("no pairing code is open");
    }
    this.kioskSecretHash = requireNonNull(secretHash, "secret hash is required");
    this.pairedAt = now;
    this.pairingCodeHash = null;
    this.pairingExpiresAt = null;
  }

  /** Ends the pairing: the browser's credential stops working at its next request. */
  public void unpair() {
    this.kioskSecretHash = null;
    this.pairedAt = null;
    this.pairingCodeHash = null;
    this.pairingExpiresAt = null;
  }

  public boolean isPaired() {
    return kioskSecretHash != null;
  }

  /** Hex SHA-256 of the paired browser's secret; null while unpaired. */
  public String getKioskSecretHash() {
    return kioskSecretHash;
  }

  public Instant getPairedAt() {
    return pairedAt;
  }

  public Instant getPairingExpiresAt() {
    return pairingExpiresAt;
  }

  /** The kiosk's frame agreement: its own k, n and timeout, or the defaults. */
  public FrameAgreement.Settings getAgreement() {
    if (framesRequired == null || framesWindow == null || attemptTimeoutMs == null) {
      return FrameAgreement.Settings.DEFAULT;
    }
    return new FrameAgreement.Settings(
        framesRequired, framesWindow, Duration.ofMillis(attemptTimeoutMs));
  }

  /** Sets this kiosk's own agreement (already validated by {@link FrameAgreement.Settings}). */
  public void setAgreement(FrameAgreement.Settings agreement) {
    if (kind != DeviceKind.KIOSK) {
      throw new IllegalStateException("only a kiosk decides over several frames");
    }
    this.framesRequired = agreement.required();
    this.framesWindow = agreement.window();
    this.attemptTimeoutMs = Math.toIntExact(agreement.timeout().toMillis());
  }

  /** Whether this kiosk asks for the head-turn challenge (on unless switched off). */
  public boolean isLivenessChallengeOn() {
    return kind == DeviceKind.KIOSK && (livenessChallenge == null || livenessChallenge);
  }

  /** Switches this kiosk's head-turn challenge on or off. */
  public void setLivenessChallenge(boolean on) {
    if (kind != DeviceKind.KIOSK) {
      throw new IllegalStateException("only a kiosk asks for the head-turn challenge");
    }
    this.livenessChallenge = on;
  }

  /** Replaces a legacy device's token. A device with a key has no token to rotate. */
  public void rotateToken(String newTokenHash) {
    if (!legacy) {
      throw new IllegalStateException("only a legacy device has a token");
    }
    this.tokenHash = requireNonNull(newTokenHash, "token hash is required");
  }

  /**
   * Registers the device's (new) public key: the previous key stops working at once, and a legacy
   * device leaves the token scheme for good (its token hash is dropped).
   */
  public void registerKey(String newPublicKey) {
    this.publicKey = requireNonNull(newPublicKey, "public key is required");
    this.legacy = false;
    this.tokenHash = null;
  }

  public void disable() {
    enabled = false;
  }

  public void enable() {
    enabled = true;
  }

  /**
   * Whether a request at {@code when} should move {@link #getLastSeenAt()}. Kept to the minute: a
   * door posts several frames a second, and writing the row for each would cost a database write
   * per frame and evict the device from the second-level cache every time.
   */
  public boolean isSeenDue(Instant when) {
    return lastSeenAt == null || !when.isBefore(lastSeenAt.plus(LAST_SEEN_RESOLUTION));
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public DeviceKind getKind() {
    return kind;
  }

  public String getSite() {
    return site;
  }

  public String getDoorName() {
    return doorName;
  }

  public String getTokenHash() {
    return tokenHash;
  }

  public String getPublicKey() {
    return publicKey;
  }

  /**
   * A short fingerprint of the public key for people to compare with the one the door shows: {@code
   * SHA256:} and the first 16 hex digits of SHA-256 over the DER bytes; empty for a legacy device.
   */
  public String getKeyFingerprint() {
    if (publicKey == null) {
      return "";
    }
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(Base64.getDecoder().decode(publicKey));
      return "SHA256:" + HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the Java platform", e);
    }
  }

  public boolean isLegacy() {
    return legacy;
  }

  public long getVersion() {
    return version;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public Instant getLastSeenAt() {
    return lastSeenAt;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
