package dev.facegate.domain.accounts;

import static java.util.Objects.requireNonNull;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * A personal API token of a console user, for REST clients ({@code Authorization: Bearer}). The
 * token is 256 random bits, so a SHA-256 of it is enough to store (no slow hash needed: nothing to
 * guess); the clear token is shown once at creation. A token acts with its owner's current role and
 * stops working when it expires, is revoked or its owner's account is disabled.
 */
@Entity
@Table(name = "api_token")
@NamedQuery(
    name = ApiToken.FIND_BY_HASH,
    query = "SELECT t FROM ApiToken t WHERE t.tokenHash = :tokenHash")
@NamedQuery(
    name = ApiToken.FIND_BY_OWNER,
    query = "SELECT t FROM ApiToken t WHERE t.owner = :owner ORDER BY t.createdAt DESC")
@NamedQuery(name = ApiToken.FIND_ALL, query = "SELECT t FROM ApiToken t ORDER BY t.createdAt DESC")
public class ApiToken {

  public static final String FIND_BY_HASH = "ApiToken.findByHash";
  public static final String FIND_BY_OWNER = "ApiToken.findByOwner";
  public static final String FIND_ALL = "ApiToken.findAll";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  /** Username of the console account the token acts for. */
  @Column(nullable = false, updatable = false, length = 64)
  private String owner;

  @NotBlank
  @Size(max = 100)
  @Column(nullable = false, updatable = false, length = 100)
  private String name;

  @Column(name = "token_hash", nullable = false, unique = true, updatable = false, length = 64)
  private String tokenHash;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false, updatable = false)
  private Instant expiresAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  /** For JPA only. */
  protected ApiToken() {}

  public ApiToken(
      String owner, String name, String tokenHash, Instant createdAt, Instant expiresAt) {
    this.owner = requireNonNull(owner, "owner is required");
    this.name = requireNonNull(name, "name is required").strip();
    this.tokenHash = requireNonNull(tokenHash, "token hash is required");
    this.createdAt = requireNonNull(createdAt, "creation time is required");
    this.expiresAt = requireNonNull(expiresAt, "expiry is required");
    if (!expiresAt.isAfter(createdAt)) {
      throw new IllegalArgumentException("a token must expire after it is created");
    }
  }

  /** Revokes the token; revoking twice keeps the first time. */
  public void revoke(Instant at) {
    if (revokedAt == null) {
      revokedAt = requireNonNull(at, "revocation time is required");
    }
  }

  /** True if the token may authenticate a request at the given time. */
  public boolean isUsableAt(Instant now) {
    return revokedAt == null && now.isBefore(expiresAt);
  }

  public Long getId() {
    return id;
  }

  public String getOwner() {
    return owner;
  }

  public String getName() {
    return name;
  }

  public String getTokenHash() {
    return tokenHash;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getExpiresAt() {
    return expiresAt;
  }

  public Instant getRevokedAt() {
    return revokedAt;
  }
}
