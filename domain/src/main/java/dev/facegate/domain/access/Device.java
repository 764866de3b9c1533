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
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;

/**
 * A kiosk or door controller. It authenticates with a random token that only the device knows: the
 * server keeps a SHA-256 hash of it (a 256-bit random token needs no slow hash), so a stolen
 * database cannot be turned into working device credentials. Rotating the token replaces the hash.
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

  @Column(name = "token_hash", nullable = false, length = 128)
  private String tokenHash;

  @Column(nullable = false)
  private boolean enabled;

  @Column(name = "last_seen_at")
  private Instant lastSeenAt;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  /** For JPA only. */
  protected Device() {}

  public Device(
      String name,
      DeviceKind kind,
      String site,
      String doorName,
      String tokenHash,
      Instant createdAt) {
    this.name = requireNonNull(name, "name is required").strip();
    this.kind = requireNonNull(kind, "kind is required");
    this.site = requireNonNull(site, "site is required").strip();
    if (kind == DeviceKind.DOOR && (doorName == null || doorName.isBlank())) {
      throw new IllegalArgumentException("a door controller needs the name of its door");
    }
    this.doorName = kind == DeviceKind.DOOR ? doorName.strip() : null;
    this.tokenHash = requireNonNull(tokenHash, "token hash is required");
    this.createdAt = requireNonNull(createdAt, "creation time is required");
    this.enabled = true;
  }

  public void rotateToken(String newTokenHash) {
    this.tokenHash = requireNonNull(newTokenHash, "token hash is required");
  }

  public void disable() {
    enabled = false;
  }

  public void enable() {
    enabled = true;
  }

  /**
   * Records that the device was heard from. Kept to the minute: a door posts several frames a
   * second, and rewriting the row for each would cost a database write per frame and evict the
   * device from the second-level cache every time.
   */
  public void seenAt(Instant when) {
    if (lastSeenAt == null || !when.isBefore(lastSeenAt.plus(LAST_SEEN_RESOLUTION))) {
      lastSeenAt = when;
    }
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
