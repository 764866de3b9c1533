package dev.facegate.access.control;

import dev.facegate.domain.access.Device;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Storage of devices; joins the caller's transaction. */
@Dependent
public class DeviceRepository {

  @PersistenceContext(unitName = "facegate")
  EntityManager em;

  public Device add(Device device) {
    em.persist(device);
    em.flush();
    return device;
  }

  public Optional<Device> findById(long id) {
    return Optional.ofNullable(em.find(Device.class, id));
  }

  /**
   * Records that the device was heard from, at most once per {@link Device#LAST_SEEN_RESOLUTION}:
   * an UPDATE of that one column, which neither bumps the version nor writes any other column, so
   * it cannot undo an administrator's change made meanwhile (a disable, a new key). Hibernate
   * evicts cached devices after a bulk update, so the second-level cache never serves the old
   * value; the condition keeps concurrent frames from moving it backwards.
   */
  public void markSeen(Device device, Instant when) {
    if (device.isSeenDue(when)) {
      em.createQuery(
              "UPDATE Device d SET d.lastSeenAt = :when WHERE d.id = :id"
                  + " AND (d.lastSeenAt IS NULL OR d.lastSeenAt < :when)")
          .setParameter("when", when)
          .setParameter("id", device.getId())
          .executeUpdate();
    }
  }

  /**
   * Writes pending changes now, so that a concurrent change (optimistic lock) fails inside the
   * boundary call rather than at commit.
   */
  public void flush() {
    em.flush();
  }

  public List<Device> findAll() {
    return em.createNamedQuery(Device.FIND_ALL, Device.class).getResultList();
  }
}
