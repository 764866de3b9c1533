package dev.facegate.attendance.boundary;

import dev.facegate.domain.attendance.Site;
import dev.facegate.domain.audit.AuditAction;
import dev.facegate.platform.InvalidInputException;
import dev.facegate.platform.Roles;
import dev.facegate.platform.control.AuditLog;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.ZoneId;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The sites' time zones. A site is named by employees and devices; one without a stored zone uses
 * {@code facegate.attendance.default-zone}.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class Sites {

  @PersistenceContext(unitName = "facegate")
  EntityManager em;

  @Inject AuditLog audit;

  @Inject
  @ConfigProperty(name = "facegate.attendance.default-zone")
  String defaultZone;

  /** The zone whose local dates are the attendance days of {@code site}. */
  @RolesAllowed({Roles.ADMIN, Roles.HR, Roles.DEVICE})
  public ZoneId zoneOf(String site) {
    Site stored = site == null ? null : em.find(Site.class, site);
    return stored != null ? stored.getZone() : ZoneId.of(defaultZone);
  }

  /** The sites with a stored zone, by name. */
  @RolesAllowed({Roles.ADMIN, Roles.HR})
  public List<Site> list() {
    return em.createQuery("SELECT s FROM Site s ORDER BY s.name", Site.class).getResultList();
  }

  /**
   * Sets the time zone of a site, creating its row if needed; audited.
   *
   * @throws InvalidInputException for an empty name or an unknown zone
   */
  public Site setZone(String name, String zone) {
    if (name == null || name.isBlank() || name.strip().length() > 100) {
      throw new InvalidInputException(List.of("A site name of 1 to 100 characters is required."));
    }
    ZoneId parsed;
    try {
      parsed = Site.parseZone(zone);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new InvalidInputException(List.of(String.valueOf(e.getMessage())));
    }
    String key = name.strip();
    Site site = em.find(Site.class, key);
    String before = site == null ? defaultZone + " (default)" : site.getZone().getId();
    if (site == null) {
      site = new Site(key, parsed);
      em.persist(site);
    } else {
      site.setZone(parsed);
    }
    audit.record(
        AuditAction.SITE_CHANGED, key, "Time zone " + before + " -> " + parsed.getId() + ".");
    return site;
  }
}
