package dev.facegate.platform.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Locks that hold across every node sharing the database: PostgreSQL advisory locks bound to the
 * caller's transaction (released at its commit or rollback, also when the node dies). On H2 they
 * always succeed: an H2 file database belongs to one server.
 */
@ApplicationScoped
public class ClusterLocks {

  /** The index reconciliation (arbitrary, fixed: "FGreconc"). */
  public static final long INDEX_RECONCILER = 0x4647_7265_636f_6e63L;

  @Resource(lookup = "java:jboss/datasources/FaceGateDS")
  DataSource dataSource;

  /**
   * Takes the lock for the current transaction without waiting.
   *
   * @return false if another transaction (on any node) holds it
   */
  public boolean tryForTransaction(long lock) {
    try (Connection db = dataSource.getConnection()) {
      if (SqlVendor.of(db) != SqlVendor.POSTGRESQL) {
        return true;
      }
      try (PreparedStatement statement =
          db.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
        statement.setLong(1, lock);
        try (ResultSet row = statement.executeQuery()) {
          return row.next() && row.getBoolean(1);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot take the cluster lock " + lock, e);
    }
  }
}
