package dev.facegate.domain.accounts;

import static java.util.Objects.requireNonNull;

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
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;

/**
 * A console login. Only a salted, iterated hash of the password is stored (the format of Jakarta
 * Security's {@code Pbkdf2PasswordHash}); the password itself never reaches the database or a log.
 */
@Entity
@Table(name = "portal_account")
@NamedQuery(
    name = PortalAccount.FIND_BY_USERNAME,
    query = "SELECT a FROM PortalAccount a WHERE a.username = :username")
@NamedQuery(name = PortalAccount.COUNT, query = "SELECT COUNT(a) FROM PortalAccount a")
public class PortalAccount {

  public static final String FIND_BY_USERNAME = "PortalAccount.findByUsername";
  public static final String COUNT = "PortalAccount.count";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @NotBlank
  @Pattern(regexp = "[a-z0-9._-]{3,64}")
  @Column(nullable = false, unique = true, updatable = false, length = 64)
  private String username;

  @NotBlank
  @Column(name = "password_hash", nullable = false, length = 512)
  private String passwordHash;

  @NotNull
  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Role role;

  @Column(nullable = false)
  private boolean enabled;

  @NotNull
  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  /** Optimistic lock: two administrators changing the same account cannot undo each other. */
  @Version private long version;

  /** For JPA only. */
  protected PortalAccount() {}

  public PortalAccount(String username, String passwordHash, Role role, Instant createdAt) {
    this.username = requireNonNull(username, "username is required");
    this.passwordHash = requireNonNull(passwordHash, "password hash is required");
    this.role = requireNonNull(role, "role is required");
    this.createdAt = requireNonNull(createdAt, "creation time is required");
    this.enabled = true;
  }

  public void changePasswordHash(String newPasswordHash) {
    this.passwordHash = requireNonNull(newPasswordHash, "password hash is required");
  }

  /** A disabled account cannot log in, and its API tokens stop working. */
  public void disable() {
    enabled = false;
  }

  public void enable() {
    enabled = true;
  }

  public Long getId() {
    return id;
  }

  public String getUsername() {
    return username;
  }

  public String getPasswordHash() {
    return passwordHash;
  }

  public Role getRole() {
    return role;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
