package dev.facegate.access.control;

import dev.facegate.domain.access.Device;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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

  public List<Device> findAll() {
    return em.createNamedQuery(Device.FIND_ALL, Device.class).getResultList();
  }
}
