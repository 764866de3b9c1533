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
 * The installation's operating point: one row. Sites may override it (a server room may want a
 * stricter threshold than the canteen kiosk).
 */
@Entity
@Cacheable
@Table(name = "recognition_settings")
public class RecognitionSettings {

  /** The id of the single settings row. */
  public static final long SINGLETON_ID = 1L;

  @Id private long id;

  @Column(nullable = false)
  private double threshold;

  @Column(nullable = false)
  private double margin;

  /** Repeats of the same person within this many seconds are recorded as duplicates. */
  @Column(name = "duplicate_window_seconds", nullable = false)
  private int duplicateWindowSeconds;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "updated_by", nullable = false, length = 64)
  private String updatedBy;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "site_threshold", joinColumns = @JoinColumn(name = "settings_id"))
  @MapKeyColumn(name = "site", length = 100)
  private Map<String, SiteThresholds> siteOverrides = new HashMap<>();

  @Version private long version;

  /** For JPA only. */
  protected RecognitionSettings() {}

  public RecognitionSettings(
      Thresholds defaults, int duplicateWindowSeconds, Instant updatedAt, String updatedBy) {
    this.id = SINGLETON_ID;
    change(defaults, duplicateWindowSeconds, updatedAt, updatedBy);
  }

  public final void change(
      Thresholds defaults, int duplicateWindowSeconds, Instant updatedAt, String updatedBy) {
    requireNonNull(defaults, "thresholds are required");
    if (duplicateWindowSeconds < 0) {
      throw new IllegalArgumentException("the duplicate window cannot be negative");
    }
    this.threshold = defaults.threshold();
    this.margin = defaults.margin();
    this.duplicateWindowSeconds = duplicateWindowSeconds;
    this.updatedAt = requireNonNull(updatedAt, "time is required");
    this.updatedBy = requireNonNull(updatedBy, "who changed it is required");
  }

  public void overrideForSite(String site, Thresholds thresholds) {
    siteOverrides.put(
        requireNonNull(site, "site is required"),
        new SiteThresholds(thresholds.threshold(), thresholds.margin()));
  }

  public void removeSiteOverride(String site) {
    siteOverrides.remove(site);
  }

  /** The thresholds that apply at a site: its override, or the defaults. */
  public Thresholds thresholdsFor(String site) {
    SiteThresholds override = site == null ? null : siteOverrides.get(site);
    return override == null ? defaults() : new Thresholds(override.threshold, override.margin);
  }

  public Thresholds defaults() {
    return new Thresholds(threshold, margin);
  }

  public int getDuplicateWindowSeconds() {
    return duplicateWindowSeconds;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public String getUpdatedBy() {
    return updatedBy;
  }

  public Map<String, Thresholds> getSiteOverrides() {
    Map<String, Thresholds> copy = new HashMap<>();
    siteOverrides.forEach((site, t) -> copy.put(site, new Thresholds(t.threshold, t.margin)));
    return copy;
  }

  /** A site's override as stored. */
  @Embeddable
  public static class SiteThresholds {
    @Column(name = "threshold", nullable = false)
    double threshold;

    @Column(name = "margin", nullable = false)
    double margin;

    protected SiteThresholds() {}

    SiteThresholds(double threshold, double margin) {
      this.threshold = threshold;
      this.margin = margin;
    }
  }
}
