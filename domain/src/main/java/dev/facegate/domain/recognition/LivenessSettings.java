package dev.facegate.domain.recognition;

import static java.util.Objects.requireNonNull;

import jakarta.persistence.Cacheable;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The installation's liveness bounds: one row, like {@link RecognitionSettings}, with per-site
 * overrides (a site whose cameras see faces from further away may need another residual bound).
 */
@Entity
@Cacheable
@Table(name = "liveness_settings")
public class LivenessSettings {

  /** The id of the single settings row. */
  public static final long SINGLETON_ID = 1L;

  @Id private long id;

  @Column(name = "frontal_yaw_degrees", nullable = false)
  private double frontalYawDegrees;

  @Column(name = "turn_yaw_degrees", nullable = false)
  private double turnYawDegrees;

  @Column(name = "time_limit_ms", nullable = false)
  private int timeLimitMillis;

  @Column(name = "min_residual", nullable = false)
  private double minResidual;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "updated_by", nullable = false, length = 64)
  private String updatedBy;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "site_liveness", joinColumns = @JoinColumn(name = "settings_id"))
  @MapKeyColumn(name = "site", length = 100)
  private Map<String, SiteBounds> siteOverrides = new HashMap<>();

  @Version private long version;

  /** For JPA only. */
  protected LivenessSettings() {}

  public LivenessSettings(LivenessBounds defaults, Instant updatedAt, String updatedBy) {
    this.id = SINGLETON_ID;
    change(defaults, updatedAt, updatedBy);
  }

  /** Replaces the installation's bounds. */
  public final void change(LivenessBounds defaults, Instant updatedAt, String updatedBy) {
    requireNonNull(defaults, "bounds are required");
    this.frontalYawDegrees = defaults.frontalYawDegrees();
    this.turnYawDegrees = defaults.turnYawDegrees();
    this.timeLimitMillis = defaults.timeLimitMillis();
    this.minResidual = defaults.minResidual();
    touch(updatedAt, updatedBy);
  }

  /** Gives a site its own bounds. */
  public void overrideForSite(
      String site, LivenessBounds bounds, Instant updatedAt, String updatedBy) {
    requireNonNull(bounds, "bounds are required");
    siteOverrides.put(requireNonNull(site, "site is required"), SiteBounds.of(bounds));
    touch(updatedAt, updatedBy);
  }

  /** The site falls back to the installation's bounds; returns whether it had its own. */
  public boolean removeSiteOverride(String site, Instant updatedAt, String updatedBy) {
    boolean removed = siteOverrides.remove(site) != null;
    if (removed) {
      touch(updatedAt, updatedBy);
    }
    return removed;
  }

  /** The bounds that apply at a site: its override, or the installation's. */
  public LivenessBounds boundsFor(String site) {
    SiteBounds override = site == null ? null : siteOverrides.get(site);
    return override == null ? defaults() : override.bounds();
  }

  public LivenessBounds defaults() {
    return new LivenessBounds(frontalYawDegrees, turnYawDegrees, timeLimitMillis, minResidual);
  }

  public Map<String, LivenessBounds> getSiteOverrides() {
    Map<String, LivenessBounds> copy = new HashMap<>();
    siteOverrides.forEach((site, b) -> copy.put(site, b.bounds()));
    return copy;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public String getUpdatedBy() {
    return updatedBy;
  }

  private void touch(Instant updatedAt, String updatedBy) {
    this.updatedAt = requireNonNull(updatedAt, "time is required");
    this.updatedBy = requireNonNull(updatedBy, "who changed it is required");
  }

  /** A site's override as stored. */
  @Embeddable
  public static class SiteBounds {
    @Column(name = "frontal_yaw_degrees", nullable = false)
    double frontalYawDegrees;

    @Column(name = "turn_yaw_degrees", nullable = false)
    double turnYawDegrees;

    @Column(name = "time_limit_ms", nullable = false)
    int timeLimitMillis;

    @Column(name = "min_residual", nullable = false)
    double minResidual;

    protected SiteBounds() {}

    static SiteBounds of(LivenessBounds b) {
      SiteBounds s = new SiteBounds();
      s.frontalYawDegrees = b.frontalYawDegrees();
      s.turnYawDegrees = b.turnYawDegrees();
      s.timeLimitMillis = b.timeLimitMillis();
      s.minResidual = b.minResidual();
      return s;
    }

    LivenessBounds bounds() {
      return new LivenessBounds(frontalYawDegrees, turnYawDegrees, timeLimitMillis, minResidual);
    }
  }
}
