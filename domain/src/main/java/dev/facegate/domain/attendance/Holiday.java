package dev.facegate.domain.attendance;

import static java.util.Objects.requireNonNull;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A public holiday, for one site or (site null) for all. */
@Entity
@Table(name = "public_holiday")
public class Holiday {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "holiday_date", nullable = false)
  private LocalDate date;

  @Column(nullable = false, length = 100)
  private String name;

  @Column(length = 100)
  private String site;

  /** For JPA only. */
  protected Holiday() {}

  public Holiday(LocalDate date, String name, String site) {
    this.date = requireNonNull(date, "date is required");
    requireNonNull(name, "name is required");
    if (name.isBlank() || name.strip().length() > 100) {
      throw new IllegalArgumentException("A holiday name of 1 to 100 characters is required.");
    }
    this.name = name.strip();
    this.site = site == null || site.isBlank() ? null : site.strip();
  }

  /** Whether it applies to employees of {@code employeeSite}. */
  public boolean appliesTo(String employeeSite) {
    return site == null || site.equals(employeeSite);
  }

  public Long getId() {
    return id;
  }

  public LocalDate getDate() {
    return date;
  }

  public String getName() {
    return name;
  }

  public String getSite() {
    return site;
  }
}
