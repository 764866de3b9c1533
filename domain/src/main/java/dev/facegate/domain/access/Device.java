package dev.facegate.domain.access;

import static java.util.Objects.requireNonNull;

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
