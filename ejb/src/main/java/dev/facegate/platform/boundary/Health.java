package dev.facegate.platform.boundary;

import dev.facegate.index.boundary.FaceIndex;
import dev.facegate.index.entity.FaceIndexException;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** Liveness and readiness of the application and the services it depends on. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@PermitAll
public class Health {

  private static final Logger LOG = Logger.getLogger(Health.class.getName());
  private static final int DATABASE_TIMEOUT_SECONDS = 2;

  @Resource(lookup = "java:jboss/datasources/FaceGateDS")
  DataSource dataSource;

  @Inject FaceIndex index;

  /** Checks each dependency; never throws, a failing dependency is reported as DOWN. */
  public HealthReport check() {
    Map<String, String> checks = new LinkedHashMap<>();
    checks.put("database", databaseIsReachable() ? "UP" : "DOWN");
    checks.put("faceIndex", indexIsReachable() ? "UP" : "DOWN");
    return new HealthReport(checks.values().stream().allMatch("UP"::equals), checks);
  }

  private boolean indexIsReachable() {
    try {
      index.count();
      return true;
    } catch (FaceIndexException e) {
      LOG.log(Level.WARNING, "Face index health check failed", e);
      return false;
    }
  }

  private boolean databaseIsReachable() {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(DATABASE_TIMEOUT_SECONDS);
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "Database health check failed", e);
      return false;
    }
  }
}
