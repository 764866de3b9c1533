package dev.facegate.platform.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The two databases FaceGate runs on, and the few statements they spell differently. Everything
 * else is portable SQL.
 */
public enum SqlVendor {
  POSTGRESQL,
  H2;

  /** SQLSTATE of a unique or primary key violation, the same in both. */
  private static final String UNIQUE_VIOLATION = "23505";

  /** Sets the parameters of a prepared statement. */
  @FunctionalInterface
  public interface Binder {
    void bind(PreparedStatement statement) throws SQLException;
  }

  public static SqlVendor of(Connection db) throws SQLException {
    String product = db.getMetaData().getDatabaseProductName();
    return switch (product) {
      case "PostgreSQL" -> POSTGRESQL;
      case "H2" -> H2;
      default ->
          throw new IllegalStateException(
              "Unsupported database " + product + ": FaceGate runs on PostgreSQL or H2");
    };
  }

  /**
   * Runs a plain {@code INSERT ... VALUES} and tells whether it added the row, false when the key
   * was already there, also when another node inserted it a moment ago. PostgreSQL is asked with
   * {@code ON CONFLICT DO NOTHING}, because a failed statement would abort its whole transaction;
   * H2 has no such clause but keeps its transaction usable after a key violation.
   */
  public boolean insertIfAbsent(Connection db, String insert, Binder binder) throws SQLException {
    if (this == POSTGRESQL) {
      try (PreparedStatement statement = db.prepareStatement(insert + " ON CONFLICT DO NOTHING")) {
        binder.bind(statement);
        return statement.executeUpdate() == 1;
      }
    }
    try (PreparedStatement statement = db.prepareStatement(insert)) {
      binder.bind(statement);
      return statement.executeUpdate() == 1;
    } catch (SQLException e) {
      if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
        return false;
      }
      throw e;
    }
  }
}
