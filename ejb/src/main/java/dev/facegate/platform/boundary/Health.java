package dev.facegate.platform.boundary;

import dev.facegate.index.boundary.FaceIndex;
import dev.facegate.index.entity.FaceIndexException;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Readiness of the application: whether this node should be sent requests now. Served twice: as
 * {@code GET /api/v1/health} on the application port (for load balancers that only see that port)
 * and as the MicroProfile Health readiness check on the management interface ({@code
 * /health/ready}, {@code dev.facegate.platform.control.ReadinessProbe}), next to WildFly's own
 * checks. Liveness (restart me) is a different question, answered by the face engine ({@code
 * /health/live}).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@PermitAll
public class Health {

  private static final Logger LOG = Logger.getLogger(Health.class.getName());
  private static final int DATABASE_TIMEOUT_SECONDS = 2;

  @Resource(lookup = "java:jboss/datasources/FaceGateDS")
  DataSource dataSource;

  @Inject FaceIndex index;

  /** Dependencies the components add (e.g. {@code inference} on a portal with inference nodes). */
  @Inject @Any Instance<DependencyCheck> componentChecks;

  /**
   * Checks each dependency; never throws, a failing dependency is reported as DOWN. {@code
   * faceIndexRebuild} is DOWN while this node rebuilds the index: searches still answer from the
   * old content, but a node that is replacing its gallery should not take new traffic. On a portal
   * whose faces are analysed by inference nodes, {@code inference} is DOWN while none of them
   * answers a cheap call within {@code facegate.inference.ping-timeout-ms}: doors would get 503.
   */
  public HealthReport check() {
    Map<String, String> checks = new LinkedHashMap<>();
    checks.put("database", databaseIsReachable() ? "UP" : "DOWN");
    checks.put("faceIndex", indexIsReachable() ? "UP" : "DOWN");
    checks.put("faceIndexRebuild", index.isRebuilding() ? "DOWN" : "UP");
    for (DependencyCheck check : componentChecks) {
      check.up().ifPresent(up -> checks.put(check.name(), up ? "UP" : "DOWN"));
    }
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
